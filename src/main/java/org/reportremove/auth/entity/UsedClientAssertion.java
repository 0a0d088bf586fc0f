package org.reportremove.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A client assertion id already used, kept (as a digest) until the assertion would have expired anyway.
 */
@Entity
@Table(name = "used_client_assertion")
public class UsedClientAssertion {

    @Id
    @Column(name = "assertion_key", length = 64)
    private String key;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected UsedClientAssertion() {
    }

    public UsedClientAssertion(String key, Instant expiresAt) {
        this.key = key;
        this.expiresAt = at(expiresAt);
    }

    public static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
