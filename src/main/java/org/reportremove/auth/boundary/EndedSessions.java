package org.reportremove.auth.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;
import org.reportremove.platform.web.Roles;

import java.time.Instant;

/**
 * Refuses a young person's access token issued before their passphrase was last replaced (with a recovery code): a
 * new passphrase signs out everywhere at once, not only when the old tokens expire.
 * Refresh tokens are revoked in the same change; this closes the minutes an access token still lives.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class EndedSessions implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    Accounts accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null || !token.getGroups().contains(Roles.YOUNG_PERSON)) {
            return;
        }
        Instant issuedAt = Instant.ofEpochSecond(token.getIssuedAtTime());
        boolean ended = AccountId.parse(token.getSubject()).flatMap(accounts::find)
                .map(account -> account.sessionEndedFor(issuedAt)).orElse(false);
        if (ended) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "This sign-in ended when the passphrase was changed. Sign in again with the new passphrase.");
        }
    }
}
