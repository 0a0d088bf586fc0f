package org.reportremove.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.Username;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.entity.ActorRole;
import org.reportremove.auth.control.RefreshTokens;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;

import java.util.List;
import java.util.Optional;

/**
 * Opens, finds, recovers and erases accounts. Every change is audited in the same transaction, with the
 * account id as the actor: the trail never holds a username.
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
    RefreshTokens refreshTokens;

    @Inject
    AuditTrail audit;

    @Inject
    Event<AccountDeleted> deleted;

    /** A new account, and its recovery codes in plain text: the only time anyone sees them. */
    public record Opened(Account account, List<String> recoveryCodes) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(Username username, String passphrase, AgeAssuranceOutcome age) {
        policy.check("passphrase", passphrase, username.value());
        if (findByUsername(username.key()).isPresent()) {
            throw taken();
        }
        List<String> codes = RecoveryCodes.generate();
        Account account = Account.open(username, passphrases.hash(passphrase), age,
                codes.stream().map(RecoveryCodes::digest).toList());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            // Someone took the same username a moment ago, between the check above and this insert.
            throw taken();
        }
        audit.record(ActorRole.YOUNG_PERSON, account.id(), "ACCOUNT_OPENED", "ACCOUNT", account.id());
        return new Opened(account, codes);
    }

    private static ProblemException taken() {
        return new ProblemException(ProblemType.CONFLICT,
                "That username is taken. Choose another one (it does not have to mean anything).");
    }

    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId));
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

    /** Sets a new passphrase with a recovery code; signs out every session. Empty when the code is wrong. */
    @Transactional
    public Optional<Account> recover(String usernameKey, String code, String newPassphrase) {
        // The rules are checked against the username as typed, before looking it up, so their answer never
        // depends on whether the account exists.
        policy.check("newPassphrase", newPassphrase, usernameKey);
        Optional<Account> found = findByUsername(usernameKey);
        if (found.isEmpty()) {
            passphrases.matchNothing(newPassphrase);
            return Optional.empty();
        }
        Account account = found.get();
        if (!account.recoverWith(RecoveryCodes.digest(code), passphrases.hash(newPassphrase))) {
            return Optional.empty();
        }
        refreshTokens.revokeAll(account.id());
        audit.record(ActorRole.YOUNG_PERSON, account.id(), "PASSPHRASE_RECOVERED", "ACCOUNT", account.id());
        return Optional.of(account);
    }

    /**
     * Erases the account and everything hanging off it. Only pseudonymous audit rows (the account id) remain,
     * and the username is free again: it tells nobody anything.
     */
    @Transactional
    public void erase(String accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no account for this sign-in any more.");
        }
        deleted.fire(new AccountDeleted(accountId));
        refreshTokens.deleteAll(accountId);
        em.remove(account);
        audit.record(ActorRole.YOUNG_PERSON, accountId, "ACCOUNT_DELETED", "ACCOUNT", accountId);
    }

    private Optional<Account> findByUsername(String usernameKey) {
        return em.createQuery("SELECT a FROM Account a WHERE a.usernameKey = :key", Account.class)
                .setParameter("key", usernameKey)
                .getResultStream().findFirst();
    }
}
