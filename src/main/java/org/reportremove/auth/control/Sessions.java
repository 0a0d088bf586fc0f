package org.reportremove.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.Account;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.entity.ActorRole;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;
import org.reportremove.platform.web.Roles;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A young person's signed-in session: an access token and a refresh token, started with the passphrase and
 * kept going by rotating the refresh token.
 */
@ApplicationScoped
public class Sessions {

    @Inject
    Accounts accounts;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SignInLimits limits;

    @Inject
    AuditTrail audit;

    @Inject
    Sessions self;

    /** The tokens of a session. */
    public record Session(AccessTokens.IssuedToken accessToken, String refreshToken) {
    }

    /**
     * Passphrase sign-in. A wrong username and a wrong passphrase get the same answer, in the same time. The
     * passphrase is checked outside any transaction (it takes tens of milliseconds); only the session's start
     * is written in one.
     */
    public Session signIn(String username, String passphrase, String address) {
        String usernameKey = username.toLowerCase(Locale.ROOT);
        limits.attempt(usernameKey, address);
        Optional<Account> account = accounts.signIn(usernameKey, passphrase);
        if (account.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_GRANT, "The username or passphrase is not right.");
        }
        limits.succeeded(usernameKey, address);
        return self.start(account.get().id());
    }

    @Transactional
    public Session start(String accountId) {
        audit.record(ActorRole.YOUNG_PERSON, accountId, "SIGNED_IN", "ACCOUNT", accountId);
        return new Session(youngPersonToken(accountId), refreshTokens.startFamily(accountId));
    }

    public Session refresh(String presented) {
        RefreshTokens.Rotated rotated = refreshTokens.rotate(presented);
        return new Session(youngPersonToken(rotated.accountId()), rotated.token());
    }

    private AccessTokens.IssuedToken youngPersonToken(String accountId) {
        return accessTokens.issue(accountId, List.of(Roles.YOUNG_PERSON), Map.of());
    }
}
