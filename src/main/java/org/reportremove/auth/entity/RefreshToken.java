package org.reportremove.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One refresh token of a young person's sign-in, stored only as a digest. Tokens of one sign-in form a
 * family: each use spends the token and issues the next; presenting a spent token again means it was copied,
 * so the whole family is revoked.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    private String id;

    @Column(name = "family_id", nullable = false, length = 36)
    private String familyId;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected RefreshToken() {
    }

    /** What presenting a token comes to. */
    public enum Rotation {
        /** The token was good and is now spent: hand out its successor. */
        USE,
        /** The token was spent or revoked already, so it was copied: revoke its whole family. */
        REPLAYED,
        /** The token outlived its lifetime unused: sign in again. */
        EXPIRED
    }

    public static RefreshToken issue(String accountId, String familyId, String tokenHash, Duration lifetime) {
        RefreshToken token = new RefreshToken();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        token.id = UUID.randomUUID().toString();
        token.familyId = familyId;
        token.accountId = accountId;
        token.tokenHash = tokenHash;
        token.issuedAt = now;
        token.expiresAt = now.plus(lifetime);
        return token;
    }

    /** Spent or revoked: presenting it again is a replay. */
    public boolean spent() {
        return usedAt != null || revokedAt != null;
    }

    /**
     * Presents the token at {@code now}: a replay is told before expiry, so a copied token revokes its family even
     * when it is old. Only {@link Rotation#USE} changes the token (it is spent).
     */
    public Rotation rotate(Instant now) {
        if (spent()) {
            return Rotation.REPLAYED;
        }
        if (expiresAt.toInstant().isBefore(now)) {
            return Rotation.EXPIRED;
        }
        usedAt = now.atOffset(ZoneOffset.UTC);
        return Rotation.USE;
    }

    /**
     * The service revokes tokens in bulk with a query; this is the same fact for one token, so the rule that a
     * revoked token counts as spent can be tested without a database.
     */
    void revoke(Instant at) {
        revokedAt = at.atOffset(ZoneOffset.UTC);
    }

    public String familyId() {
        return familyId;
    }

    public String accountId() {
        return accountId;
    }
}
