package org.reportremove.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A one-time, short-lived code a counsellor issued so that a young person who lost both passphrase and recovery codes
 * can set a new passphrase. Stored only as a digest, with the counsellor who issued it (the audit trail names them
 * when it is used).
 *
 * <p>Life cycle: {@link #issue}; {@link #use} once before it expires; a newer code for the account replaces it;
 * erased with the account.
 */
@Entity
@Table(name = "assisted_reset")
public class AssistedReset {

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "issued_by", nullable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected AssistedReset() {
    }

    /** @param issuedBy the counsellor, as the audit trail names them ({@code <client>:<counsellor>}) */
    public static AssistedReset issue(AccountId account, String codeHash, String issuedBy, Instant at,
                                      Instant expiresAt) {
        AssistedReset reset = new AssistedReset();
        reset.id = UUID.randomUUID().toString();
        reset.accountId = account.value();
        reset.codeHash = codeHash;
        reset.issuedBy = issuedBy;
        reset.issuedAt = at.atOffset(ZoneOffset.UTC);
        reset.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
        return reset;
    }

    /** Spends the code if it is this one, unused and not expired at {@code now}. */
    public boolean use(String digest, Instant now) {
        if (usedAt != null || !codeHash.equals(digest) || !now.isBefore(expiresAt.toInstant())) {
            return false;
        }
        usedAt = now.atOffset(ZoneOffset.UTC);
        return true;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }
}
