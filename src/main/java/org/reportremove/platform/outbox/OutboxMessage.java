package org.reportremove.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A message waiting to be sent. Written once by {@link Outbox#queue}; from then on only claimed, leased and
 * deleted through SQL by {@link OutboxClaims}. The payload is a ciphertext bound to the message id.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "topic", nullable = false)
    private Topic topic;

    @Column(name = "message_type", nullable = false)
    private String type;

    @Column(name = "payload", nullable = false)
    private byte[] payload;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "available_at", nullable = false)
    private OffsetDateTime availableAt;

    @Column(name = "claim_token")
    private String claimToken;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "subject_id")
    private String subjectId;

    protected OutboxMessage() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** @param availableAt when it may first be claimed; null for at once */
    static OutboxMessage queued(String id, Topic topic, String subjectId, String type, byte[] payload,
                                int priority, OffsetDateTime availableAt) {
        OutboxMessage message = new OutboxMessage();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        message.id = id;
        message.topic = topic;
        message.type = type;
        message.payload = payload;
        message.createdAt = now;
        message.availableAt = availableAt == null || availableAt.isBefore(now) ? now : availableAt;
        message.priority = priority;
        message.subjectId = subjectId;
        return message;
    }

    public String id() {
        return id;
    }

    byte[] payload() {
        return payload;
    }
}
