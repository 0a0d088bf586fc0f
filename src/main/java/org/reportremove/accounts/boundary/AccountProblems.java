package org.reportremove.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.accounts.control.AccountNotFound;
import org.reportremove.accounts.control.SignInRefused;
import org.reportremove.accounts.entity.AgeAlreadyVerified;
import org.reportremove.accounts.control.UsernameTaken;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How account failures are answered. A wrong passphrase, recovery code or refresh token is the OAuth 2
 * {@code invalid_grant} (also for the token endpoint), the same whether the username exists or not.
 */
@ApplicationScoped
public class AccountProblems implements ProblemMapping {

    public static final ProblemType INVALID_GRANT = new ProblemType(400, "invalid-grant",
            "The sign-in was not accepted");

    public static final ProblemType AGE_ALREADY_VERIFIED = new ProblemType(409, "age-already-verified",
            "This age was verified by an age assurance provider");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        ProblemType type;
        if (failure instanceof SignInRefused) {
            type = INVALID_GRANT;
        } else if (failure instanceof UsernameTaken) {
            type = ProblemType.CONFLICT;
        } else if (failure instanceof AgeAlreadyVerified) {
            type = AGE_ALREADY_VERIFIED;
        } else if (failure instanceof AccountNotFound) {
            type = ProblemType.NOT_FOUND;
        } else {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(type, failure.getMessage()));
    }
}
