package org.reportremove.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.reportremove.platform.security.ActorRole;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the audit trail: an actor (role and pseudonymous id) did an action to an object, at a time.
 * Never content: every field is an id or a name from a fixed list, checked here.
 *
 * <p>Life cycle: written once, in the same transaction as the change it records; sealed once into the hash
 * chain by {@code AuditSealer} (which sets the seal columns directly); never changed or deleted after that.
 */
@Entity
@Table(name = "audit_event")
public class AuditEntry {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    // OffsetDateTime rather than Instant: the PostgreSQL driver binds it to timestamptz directly.
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role", nullable = false, updatable = false)
    private ActorRole actorRole;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "object_type", nullable = false, updatable = false)
    private String objectType;

    @Column(name = "object_id", nullable = false, updatable = false)
    private String objectId;

    @Column(name = "seal_seq", insertable = false, updatable = false)
    private Long sealSeq;

    protected AuditEntry() {
    }

    public AuditEntry(ActorRole actorRole, String actorId, String action, String objectType, String objectId) {
        this.actorRole = Objects.requireNonNull(actorRole, "actorRole");
        this.actorId = checked(ID, actorId, "actorId");
        this.action = checked(NAME, action, "action");
        this.objectType = checked(NAME, objectType, "objectType");
        this.objectId = checked(ID, objectId, "objectId");
        // Millisecond precision survives every database round trip unchanged, which the chain hash relies on.
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String checked(Pattern pattern, String value, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("audit " + field + " must be an id or a name, not content");
        }
        return value;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    public ActorRole actorRole() {
        return actorRole;
    }

    public String action() {
        return action;
    }

    public Long sealSeq() {
        return sealSeq;
    }
}
