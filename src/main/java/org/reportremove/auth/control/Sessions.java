package org.reportremove.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.control.SignInRefused;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.auth.entity.SignedIn;
import org.reportremove.platform.ratelimit.AttemptLimits;
import org.reportremove.platform.web.Roles;

import java.time.Instant;
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
    AttemptLimits limits;

    @Inject
    Event<SignedIn> signedIn;

    @Inject
    Sessions self;

    private static final String WRONG = "The username or passphrase is not right.";

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
        Instant checked = Instant.now();
        Optional<Account> account = accounts.signIn(usernameKey, passphrase);
        if (account.isEmpty()) {
            throw new SignInRefused(WRONG);
        }
        limits.succeeded(usernameKey, address);
        return self.start(account.get().id(), checked);
    }

    /**
     * Starts the session of a passphrase read at {@code checked}, holding the account's row: a passphrase reset
     * that committed since then refuses it (the passphrase checked is not the account's any more), and one that
     * comes after waits for this session and then ends it with all the others.
     */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public Session start(AccountId accountId, Instant checked) {
        Account account = accounts.hold(accountId).orElseThrow(() -> new SignInRefused(WRONG));
        if (account.passphraseChangedAfter(checked)) {
            throw new SignInRefused(WRONG);
        }
        signedIn.fire(new SignedIn(accountId));
        return new Session(youngPersonToken(accountId, account.passphraseVersion()),
                refreshTokens.startFamily(accountId));
    }

    public Session refresh(String presented) {
        RefreshTokens.Rotated rotated = refreshTokens.rotate(presented);
        return new Session(youngPersonToken(rotated.accountId(), rotated.passphraseVersion()), rotated.token());
    }

    /**
     * The version is read under the account's row lock: a passphrase change that commits afterwards raises it and
     * so ends this token, whatever second either happened in.
     */
    private AccessTokens.IssuedToken youngPersonToken(AccountId accountId, int passphraseVersion) {
        return accessTokens.issue(accountId.value(), List.of(Roles.YOUNG_PERSON),
                Map.of(AccessTokens.PASSPHRASE_VERSION_CLAIM, passphraseVersion));
    }
}
