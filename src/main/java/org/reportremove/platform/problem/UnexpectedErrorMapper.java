package org.reportremove.platform.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.reportremove.platform.domain.DomainException;

/**
 * Everything no other mapper claims. Body reading failures (bad JSON, too large) still get their own
 * problem; anything else is an unexpected error: logged without its message, answered with an error id.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        ProblemException problem = find(failure, ProblemException.class);
        if (problem != null) {
            return ProblemResponses.of(problem);
        }
        // A domain failure that reached here wrapped (by an EJB or transaction boundary) is still answered as its
        // capability says.
        DomainException domain = find(failure, DomainException.class);
        if (domain != null) {
            return ProblemResponses.of(DomainExceptionMapper.answer(domain));
        }
        return ProblemResponses.of(answer(failure));
    }

    /**
     * The answer to a failure no other mapper claimed, with its headers: a database that is away is a 503 with
     * {@code Retry-After} (also when its commit failure escapes at the end of a transaction), anything else a
     * problem of its own or an unexpected error.
     */
    public static ProblemException answer(Throwable failure) {
        if (find(failure, ProblemException.class) == null && !BodyFailures.isBodyFailure(failure)
                && DatabaseFailures.isUnavailability(failure)) {
            return DatabaseFailures.answer(failure);
        }
        return new ProblemException(problemFor(failure));
    }

    static Problem problemFor(Throwable failure) {
        ProblemException problem = find(failure, ProblemException.class);
        if (problem != null) {
            return problem.problem();
        }
        if (BodyFailures.isBodyFailure(failure)) {
            return BodyFailures.toProblem(failure);
        }
        if (find(failure, OptimisticLockException.class) != null) {
            // Two changes to the same thing at once: the other one won, and this one changed nothing.
            return Problem.of(ProblemType.CONFLICT, "Something changed at the same moment. Try again.");
        }
        return Problem.internalError(SafeErrors.logUnexpected(failure));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
