package org.reportremove.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One single-use recovery code of an account, stored only as a digest. Shown to the young person once, when
 * the account is opened.
 */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(Account account, String codeHash) {
        this.id = UUID.randomUUID().toString();
        this.account = account;
        this.codeHash = codeHash;
    }

    boolean matches(String digest) {
        return usedAt == null && codeHash.equals(digest);
    }

    void use() {
        usedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    boolean unused() {
        return usedAt == null;
    }
}
