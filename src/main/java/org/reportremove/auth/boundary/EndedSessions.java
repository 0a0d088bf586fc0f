package org.reportremove.auth.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.auth.control.AccessTokens;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;
import org.reportremove.platform.web.Roles;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * Refuses a young person's access token issued before their passphrase was last replaced (with a recovery code or a
 * counsellor's reset code): a new passphrase signs out everywhere at once, not only when the old tokens expire. The
 * token's passphrase version says which passphrase its session began with.
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
        OptionalInt version = passphraseVersion(token.getClaim(AccessTokens.PASSPHRASE_VERSION_CLAIM));
        boolean ended = AccountId.parse(token.getSubject()).flatMap(accounts::find)
                .map(account -> account.sessionEndedFor(version, issuedAt)).orElse(false);
        if (ended) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "This sign-in ended when the passphrase was changed. Sign in again with the new passphrase.");
        }
    }

    /** A token's claim as MicroProfile JWT gives it: a JSON number, or absent from a token issued before it. */
    private static OptionalInt passphraseVersion(Object claim) {
        if (claim instanceof JsonNumber number) {
            return OptionalInt.of(number.intValue());
        }
        return OptionalInt.empty();
    }
}
