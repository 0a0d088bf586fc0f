package org.reportremove.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.ratelimit.TooManyAttempts;
import org.reportremove.platform.validation.InvalidFields;

import java.util.Optional;

/**
 * The answers to the domain failures that every capability shares: values that break a rule, and attempts over a
 * rate limit.
 */
@ApplicationScoped
public class PlatformProblems implements ProblemMapping {

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof InvalidFields invalid) {
            return Optional.of(ProblemException.invalidFields(invalid.errors()));
        }
        if (failure instanceof TooManyAttempts tooMany) {
            return Optional.of(new ProblemException(ProblemType.TOO_MANY_ATTEMPTS, tooMany.getMessage())
                    .withHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds())));
        }
        return Optional.empty();
    }
}
