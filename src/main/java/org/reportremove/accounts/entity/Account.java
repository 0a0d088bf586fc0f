package org.reportremove.accounts.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.reportremove.agecheck.entity.AgeAssurance;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.agecheck.entity.AgeCheckMethod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A young person's pseudonymous account: a username, a passphrase (as an Argon2id hash) and how their age was
 * assured; never a name, email, phone number, birth date or age document.
 *
 * <p>Life cycle: {@link #open} after an age check (or a self-declared band); the passphrase can be replaced
 * with a recovery code ({@link #recoverWith}) or, later, with a counsellor's help ({@link #replacePassphrase});
 * a self-declared age can be confirmed by a counsellor; erasing the account deletes the row and everything that
 * hangs off it. Its changes are told as events ({@code AccountOpened}, {@code PassphraseReplaced},
 * {@code AccountDeleted}).
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private String id;

    @Column(name = "username", nullable = false, length = 32)
    private String username;

    @Column(name = "username_key", nullable = false, unique = true, length = 32)
    private String usernameKey;

    @Column(name = "passphrase_hash", nullable = false)
    private String passphraseHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_assurance", nullable = false)
    private AgeAssurance ageAssurance;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    private AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_method", nullable = false)
    private AgeCheckMethod ageMethod;

    @Column(name = "age_provider", nullable = false)
    private String ageProvider;

    @Column(name = "age_assured_at", nullable = false)
    private OffsetDateTime ageAssuredAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "notification_id", nullable = false, length = 36)
    private String notificationId;

    @Column(name = "passphrase_changed_at", nullable = false)
    private OffsetDateTime passphraseChangedAt;

    /** How many times the passphrase was replaced: access tokens carry it ({@link #sessionEndedFor}). */
    @Column(name = "passphrase_version", nullable = false)
    private int passphraseVersion;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<RecoveryCode> recoveryCodes = new ArrayList<>();

    @Version
    private long version;

    protected Account() {
    }

    /**
     * @param codeDigests digests of the recovery codes handed to the young person
     */
    public static Account open(Username username, String passphraseHash, AgeAssuranceOutcome age,
                               List<String> codeDigests) {
        Account account = new Account();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        account.id = AccountId.generate().value();
        account.username = username.value();
        account.usernameKey = username.key();
        account.passphraseHash = passphraseHash;
        account.ageAssurance = age.assurance();
        account.ageBand = age.band();
        account.ageMethod = age.method();
        account.ageProvider = age.provider();
        account.ageAssuredAt = age.assuredAt().atOffset(ZoneOffset.UTC);
        account.createdAt = now;
        account.notificationId = UUID.randomUUID().toString();
        account.passphraseChangedAt = now;
        codeDigests.forEach(digest -> account.recoveryCodes.add(new RecoveryCode(account, digest)));
        return account;
    }

    /** Spends the matching unused recovery code and sets the new passphrase; false when no code matches. */
    public boolean recoverWith(String codeDigest, String newPassphraseHash) {
        for (RecoveryCode code : recoveryCodes) {
            if (code.matches(codeDigest)) {
                code.use();
                replacePassphrase(newPassphraseHash);
                return true;
            }
        }
        return false;
    }

    /** Sets a new passphrase (after a recovery code, or a counsellor-assisted reset). */
    public void replacePassphrase(String newPassphraseHash) {
        passphraseHash = newPassphraseHash;
        passphraseChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
        passphraseVersion++;
    }

    /**
     * A counsellor confirmed the self-declared band with the young person, or corrected it: the age is now
     * {@code HELPLINE_CONFIRMED}, assured by that helpline partner.
     *
     * @return whether the band changed
     * @throws AgeAlreadyVerified when a provider verified the age
     */
    public boolean confirmAge(AgeBand band, String partner, Instant at) {
        if (ageAssurance == AgeAssurance.VERIFIED) {
            throw new AgeAlreadyVerified();
        }
        boolean corrected = ageBand != band;
        ageAssurance = AgeAssurance.HELPLINE_CONFIRMED;
        ageBand = band;
        ageProvider = partner;
        ageAssuredAt = at.atOffset(ZoneOffset.UTC);
        return corrected;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public String username() {
        return username;
    }

    public String passphraseHash() {
        return passphraseHash;
    }

    /** Whether the passphrase was replaced after {@code instant} (a passphrase checked then is no longer it). */
    public boolean passphraseChangedAfter(Instant instant) {
        return passphraseChangedAt.toInstant().isAfter(instant);
    }

    /** The passphrase version a session started now belongs to: the one its access tokens carry. */
    public int passphraseVersion() {
        return passphraseVersion;
    }

    /**
     * Whether a sign-in ended when the passphrase was last replaced: its access token carries an earlier passphrase
     * version. A token without one, issued before tokens carried it, is judged by its issue time, which is in whole
     * seconds and so cannot tell a sign-in in the change's own second from one after it.
     */
    public boolean sessionEndedFor(OptionalInt tokenVersion, Instant issuedAt) {
        if (tokenVersion.isPresent()) {
            return tokenVersion.getAsInt() < passphraseVersion;
        }
        return issuedAt.isBefore(passphraseChangedAt.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A random id a notification service may know the account's device by: "you have a new message" is sent to it,
     * and nothing else. It says nothing about the account and is not its id.
     */
    public String notificationId() {
        return notificationId;
    }

    public AgeAssuranceOutcome age() {
        return new AgeAssuranceOutcome(ageAssurance, ageBand, ageMethod, ageProvider, ageAssuredAt.toInstant());
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public long unusedRecoveryCodes() {
        return recoveryCodes.stream().filter(RecoveryCode::unused).count();
    }
}
