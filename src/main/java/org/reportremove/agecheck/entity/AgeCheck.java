package org.reportremove.agecheck.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reportremove.platform.validation.InvalidFields;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One attempt to prove that a young person is under 18, with an age assurance provider.
 *
 * <p>Life cycle: {@link #start started} {@code PENDING} with a one-time nonce (only its digest is kept) and an
 * expiry; {@link #verify verified} once by a provider's attestation that carries that nonce, which keeps the
 * outcome (provider, method, age band, time), drops the nonce digest and gives the young person the same
 * period again to create their account; {@link #claim claimed} once by that account. It never holds the
 * attestation, a document or a birth date.
 */
@Entity
@Table(name = "age_check")
public class AgeCheck {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AgeCheckStatus status;

    @Column(name = "nonce_digest")
    private String nonceDigest;

    // OffsetDateTime rather than Instant: the PostgreSQL driver binds it to timestamptz directly.
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "provider")
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "method")
    private AgeCheckMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    private AgeBand band;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;

    protected AgeCheck() {
    }

    private AgeCheck(String id, String nonce, Instant now, Duration ttl) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = AgeCheckStatus.PENDING;
        this.nonceDigest = digest(Objects.requireNonNull(nonce, "nonce"));
        this.createdAt = utc(now);
        this.expiresAt = utc(now.plus(ttl));
    }

    /** A new age check waiting for the attestation that carries {@code nonce}, until {@code now + ttl}. */
    public static AgeCheck start(String id, String nonce, Instant now, Duration ttl) {
        return new AgeCheck(id, nonce, now, ttl);
    }

    /**
     * Refuses an attestation for a check that is already complete (its nonce has been used) or has expired.
     */
    public void ensureAwaitingAttestation(Instant now) {
        if (status != AgeCheckStatus.PENDING) {
            throw new AgeCheckUsed("This age check is already complete, and an attestation can be used only once. "
                    + "Start a new age check if you need another.");
        }
        if (isExpiredAt(now)) {
            throw new AgeCheckExpired();
        }
    }

    /** Whether {@code nonce} is the one this check handed out (compared in constant time). */
    public boolean isForNonce(String nonce) {
        return nonceDigest != null && nonce != null && MessageDigest.isEqual(
                nonceDigest.getBytes(StandardCharsets.US_ASCII), digest(nonce).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Keeps the outcome of the provider's attestation. The nonce cannot be used again, and the young person
     * has {@code claimWindow} from now to create their account with this check.
     */
    public void verify(String providerName, AttestedAge attested, AgeBand ageBand, Instant now, Duration claimWindow) {
        if (status != AgeCheckStatus.PENDING) {
            throw new IllegalStateException("only a pending age check can be verified");
        }
        this.status = AgeCheckStatus.VERIFIED;
        this.provider = Objects.requireNonNull(providerName, "providerName");
        this.method = attested.method();
        this.band = Objects.requireNonNull(ageBand, "ageBand");
        this.verifiedAt = utc(now);
        this.nonceDigest = null;
        this.expiresAt = utc(now.plus(claimWindow));
    }

    /**
     * Hands the outcome to the account being created, once. While it is not verified or has expired, the field
     * {@code ageCheckId} is not valid; once it has been used, it is {@link AgeCheckUsed}.
     */
    public AgeAssuranceOutcome claim(Instant now) {
        if (status == AgeCheckStatus.CLAIMED) {
            throw new AgeCheckUsed("This age check has already been used for an account. Start a new age check.");
        }
        if (status != AgeCheckStatus.VERIFIED) {
            throw InvalidFields.of("ageCheckId", "is not a completed age check: send the provider's attestation first");
        }
        if (isExpiredAt(now)) {
            throw InvalidFields.of("ageCheckId", "has expired: start a new age check");
        }
        this.status = AgeCheckStatus.CLAIMED;
        this.claimedAt = utc(now);
        return outcome();
    }

    private AgeAssuranceOutcome outcome() {
        return new AgeAssuranceOutcome(AgeAssurance.VERIFIED, band, method, provider, verifiedAt.toInstant());
    }

    private boolean isExpiredAt(Instant now) {
        return now.isAfter(expiresAt.toInstant());
    }

    public String id() {
        return id;
    }

    public AgeCheckStatus status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    public AgeBand band() {
        return band;
    }

    private static OffsetDateTime utc(Instant instant) {
        // Millisecond precision survives every database round trip unchanged.
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String digest(String nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
