package org.reportremove.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.control.SignInRefused;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.AccountDeleted;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.accounts.entity.PassphraseReplaced;
import org.reportremove.auth.entity.RefreshToken;
import org.reportremove.platform.crypto.Digests;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Opaque refresh tokens, rotated on every use. A token presented a second time revokes its whole family:
 * whoever copied it, and whoever it was copied from, must sign in again. A new passphrase revokes every token of
 * the account; an erased account's tokens are deleted with it.
 */
@ApplicationScoped
public class RefreshTokens {

    /** How long the app stays signed in without the passphrase, if it is used at least that often. */
    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(RefreshTokens.class.getName());

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Accounts accounts;

    /** A refresh token handed out, whose it is, and the account's passphrase version as the token was rotated. */
    public record Rotated(AccountId accountId, String token, int passphraseVersion) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String startFamily(AccountId accountId) {
        return issue(accountId.value(), UUID.randomUUID().toString());
    }

    /**
     * Spends the presented token and hands out its successor. The account's row is held first (then the token's,
     * the order a passphrase reset takes them in): a reset that committed before has revoked the token, and one
     * that comes after waits and then revokes the successor too, where it would otherwise have missed a successor
     * committed while it waited for the token.
     */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public Rotated rotate(String presented) {
        List<String> owner = em.createQuery("SELECT t.accountId FROM RefreshToken t WHERE t.tokenHash = :hash",
                        String.class)
                .setParameter("hash", digest(presented))
                .getResultList();
        Optional<Account> account = owner.stream().findFirst().flatMap(id -> accounts.hold(new AccountId(id)));
        if (account.isEmpty()) {
            throw refused();
        }
        List<RefreshToken> found = em.createQuery(
                        "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", digest(presented))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            throw refused();
        }
        RefreshToken token = found.get(0);
        RefreshToken.Rotation rotation = token.rotate(Instant.now());
        if (rotation == RefreshToken.Rotation.REPLAYED) {
            int revoked = revokeFamily(token.familyId());
            LOG.warning(() -> "event=refresh-token.reused revoked=" + revoked);
            throw refused();
        }
        if (rotation == RefreshToken.Rotation.EXPIRED) {
            throw refused();
        }
        return new Rotated(new AccountId(token.accountId()), issue(token.accountId(), token.familyId()),
                account.get().passphraseVersion());
    }

    /** A new passphrase ends every session of the account, in the transaction that set it. */
    void revokeAll(@Observes PassphraseReplaced replaced) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.accountId = :account"
                        + " AND t.revokedAt IS NULL")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("account", replaced.accountId().value())
                .executeUpdate();
    }

    void deleteAll(@Observes AccountDeleted deleted) {
        em.createQuery("DELETE FROM RefreshToken t WHERE t.accountId = :account")
                .setParameter("account", deleted.accountId().value())
                .executeUpdate();
    }

    private int revokeFamily(String familyId) {
        return em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.familyId = :family"
                        + " AND t.revokedAt IS NULL")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("family", familyId)
                .executeUpdate();
    }

    private String issue(String accountId, String familyId) {
        String token = Digests.randomToken(32);
        em.persist(RefreshToken.issue(accountId, familyId, digest(token), LIFETIME));
        return token;
    }

    private static String digest(String token) {
        return Digests.sha256Hex("refresh-token:" + token);
    }

    private static SignInRefused refused() {
        return new SignInRefused(
                "The refresh token is not valid any more. Sign in again with your username and passphrase.");
    }
}
