package org.reportremove.auth.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.auth.control.ClientAssertionRefused;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How the token endpoint's own failures are answered (a wrong passphrase or refresh token is the accounts'
 * {@code invalid-grant}).
 */
@ApplicationScoped
public class AuthProblems implements ProblemMapping {

    public static final ProblemType UNSUPPORTED_GRANT_TYPE = new ProblemType(400, "unsupported-grant-type",
            "This grant type is not supported");
    public static final ProblemType INVALID_CLIENT = new ProblemType(401, "invalid-client",
            "The client assertion was not accepted");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof ClientAssertionRefused) {
            return Optional.of(new ProblemException(INVALID_CLIENT, failure.getMessage()));
        }
        return Optional.empty();
    }
}
