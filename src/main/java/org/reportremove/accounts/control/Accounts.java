package org.reportremove.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.AccountDeleted;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.accounts.entity.AccountOpened;
import org.reportremove.accounts.entity.AssistedReset;
import org.reportremove.accounts.entity.PassphraseReplaced;
import org.reportremove.accounts.entity.Username;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.platform.security.Actor;
import org.reportremove.platform.security.ActorRole;

import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Optional;

/**
 * Opens, finds, recovers and erases accounts. Every change fires its event in the same transaction (the audit
 * trail records it with the account id as the actor, never a username; sessions end on a new passphrase).
 */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Passphrases passphrases;

    @Inject
    PassphrasePolicy policy;

    @Inject
    Event<AccountOpened> opened;

    @Inject
    Event<PassphraseReplaced> passphraseReplaced;

    @Inject
    Event<AccountDeleted> deleted;

    /** A new account, and its recovery codes in plain text: the only time anyone sees them. */
    public record Opened(Account account, List<String> recoveryCodes) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(Username username, String passphrase, AgeAssuranceOutcome age) {
        policy.check("passphrase", passphrase, username.value());
        if (findByUsername(username.key()).isPresent()) {
            throw new UsernameTaken();
        }
        List<String> codes = RecoveryCodes.generate();
        Account account = Account.open(username, passphrases.hash(passphrase), age,
                codes.stream().map(RecoveryCodes::digest).toList());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            // Someone took the same username a moment ago, between the check above and this insert.
            throw new UsernameTaken();
        }
        opened.fire(new AccountOpened(account.id()));
        return new Opened(account, codes);
    }

    public Optional<Account> find(AccountId accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId.value()));
    }

    /** The account a young person's token names: an erased account is {@link AccountNotFound}. */
    public Account own(String tokenSubject) {
        return AccountId.parse(tokenSubject).flatMap(this::find).orElseThrow(AccountNotFound::new);
    }

    /**
     * The account whose username and passphrase these are. Both failures cost the same time and look the
     * same to the caller, so a guess never learns whether a username exists.
     */
    public Optional<Account> signIn(String usernameKey, String passphrase) {
        Optional<Account> account = findByUsername(usernameKey);
        if (account.isEmpty()) {
            passphrases.matchNothing(passphrase);
            return Optional.empty();
        }
        return passphrases.matches(passphrase, account.get().passphraseHash()) ? account : Optional.empty();
    }

    /**
     * The account, its row held until the caller's transaction ends, for a change that must not cross a passphrase
     * reset or an erasure (both hold the row first): a session started or kept going (a reset that came first shows
     * in when the passphrase changed; one that comes after waits, then ends the session too), or a case submitted
     * (an erasure that comes after waits, then erases the case too; one that came first leaves no account).
     * Empty when the account is gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Account> hold(AccountId accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    /** Sets a new passphrase with a recovery code; signs out every session. Empty when the code is wrong. */
    @Transactional
    public Optional<Account> recover(String usernameKey, String code, String newPassphrase) {
        // The rules are checked against the username as typed, before looking it up, so their answer never
        // depends on whether the account exists.
        policy.check("newPassphrase", newPassphrase, usernameKey);
        // Hashed for every request, known username or not, so both take the same time; and before the lock below,
        // so the row is held for a moment only.
        String newHash = passphrases.hash(newPassphrase);
        // Locked: two recoveries at once (the same code sent twice, or two codes) take turns, so a code is spent
        // once and the second one sees it spent, instead of both racing to a failed commit.
        Optional<Account> found = em.createQuery("SELECT a FROM Account a WHERE a.usernameKey = :key", Account.class)
                .setParameter("key", usernameKey)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        if (!account.recoverWith(RecoveryCodes.digest(code), newHash)) {
            return Optional.empty();
        }
        passphraseReplaced.fire(new PassphraseReplaced(account.id(), PassphraseReplaced.Way.RECOVERY_CODE,
                Actor.youngPerson(account.id().value())));
        return Optional.of(account);
    }

    /**
     * A counsellor confirmed or corrected the account's self-declared age band, in the caller's transaction.
     *
     * @return whether the band changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean confirmAge(AccountId accountId, AgeBand band, String partner) {
        Account account = hold(accountId).orElseThrow(AccountNotFound::new);
        return account.confirmAge(band, partner, Instant.now());
    }

    /**
     * Issues a one-time reset code for the account, valid for {@code validFor}, replacing any earlier one that was
     * not used; stored only as a digest.
     *
     * @param issuedBy the counsellor, as the audit trail names them
     * @return the code in plain text: the only time anyone sees it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedReset issueAssistedReset(AccountId accountId, String issuedBy, Duration validFor) {
        em.createQuery("DELETE FROM AssistedReset r WHERE r.accountId = :account")
                .setParameter("account", accountId.value()).executeUpdate();
        String code = RecoveryCodes.one();
        Instant now = Instant.now();
        AssistedReset reset = AssistedReset.issue(accountId, RecoveryCodes.resetDigest(code), issuedBy, now,
                now.plus(validFor));
        em.persist(reset);
        return new IssuedReset(code, reset.expiresAt());
    }

    /**
     * Takes back, in the caller's transaction, the reset code a partner's counsellor issued for the account and
     * that was not used: a partner that lost the young person's consent (or the case it was issued through) must
     * not keep a way into the account.
     *
     * @return whether there was one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeBackAssistedReset(AccountId accountId, String partner) {
        String prefix = partner.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ":%";
        return em.createQuery("DELETE FROM AssistedReset r WHERE r.accountId = :account"
                        + " AND r.issuedBy LIKE :issuer ESCAPE '!'")
                .setParameter("account", accountId.value())
                .setParameter("issuer", prefix)
                .executeUpdate() > 0;
    }

    /** A reset code in plain text, and when it stops working. */
    public record IssuedReset(String code, Instant expiresAt) {
    }

    /**
     * Sets a new passphrase with a counsellor's reset code; signs out every session. Empty when the username or code
     * is wrong, used or expired.
     */
    @Transactional
    public Optional<Account> recoverAssisted(String usernameKey, String code, String newPassphrase) {
        policy.check("newPassphrase", newPassphrase, usernameKey);
        String newHash = passphrases.hash(newPassphrase);
        Optional<Account> found = em.createQuery("SELECT a FROM Account a WHERE a.usernameKey = :key", Account.class)
                .setParameter("key", usernameKey)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        String digest = RecoveryCodes.resetDigest(code);
        Instant now = Instant.now();
        Optional<AssistedReset> used = em.createQuery("SELECT r FROM AssistedReset r WHERE r.accountId = :account",
                        AssistedReset.class)
                .setParameter("account", account.id().value())
                .getResultStream().filter(reset -> reset.use(digest, now)).findFirst();
        if (used.isEmpty()) {
            return Optional.empty();
        }
        account.replacePassphrase(newHash);
        passphraseReplaced.fire(new PassphraseReplaced(account.id(), PassphraseReplaced.Way.COUNSELLOR_ASSISTED,
                new Actor(ActorRole.COUNSELLOR, used.get().issuedBy())));
        return Optional.of(account);
    }

    /**
     * Erases the account and everything hanging off it. Only pseudonymous audit rows (the account id) remain,
     * and the username is free again: it tells nobody anything.
     *
     * @param withdrawCases whether the cases are withdrawn too (ending their blocking) rather than detached
     */
    @Transactional
    public void erase(AccountId accountId, boolean withdrawCases) {
        // Held first, so that a case being submitted meanwhile is either in the list of cases erased below, or
        // finds no account.
        Account account = hold(accountId).orElseThrow(AccountNotFound::new);
        deleted.fire(new AccountDeleted(accountId, withdrawCases));
        em.remove(account);
    }

    private Optional<Account> findByUsername(String usernameKey) {
        return em.createQuery("SELECT a FROM Account a WHERE a.usernameKey = :key", Account.class)
                .setParameter("key", usernameKey)
                .getResultStream().findFirst();
    }
}
