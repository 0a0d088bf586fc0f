package org.reportremove.platform.problem;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.reportremove.platform.domain.DomainException;

import java.util.Optional;

/**
 * Domain failures, answered as their capability's {@link ProblemMapping} says. A failure no mapping claims is a
 * mistake in the service, not in the request: it is logged and answered as an unexpected error.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException failure) {
        return ProblemResponses.of(answer(failure));
    }

    static ProblemException answer(DomainException failure) {
        for (ProblemMapping mapping : CDI.current().select(ProblemMapping.class)) {
            Optional<ProblemException> answer = mapping.answer(failure);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (DatabaseFailures.isUnavailability(failure)) {
            return DatabaseFailures.answer(failure);
        }
        return new ProblemException(Problem.internalError(SafeErrors.logUnexpected(failure)));
    }
}
