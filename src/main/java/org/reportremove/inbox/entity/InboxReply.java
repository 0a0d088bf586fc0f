package org.reportremove.inbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A young person's answer to a counsellor's message: its text arrives sealed (bound to the reply's id) and reaches
 * only the helpline partner whose counsellor wrote the message.
 *
 * <p>Life cycle: {@link #answer} once; never changed; erased with the account and with the case.
 */
@Entity
@Table(name = "inbox_reply")
public class InboxReply {

    @Id
    private String id;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "partner", nullable = false)
    private String partner;

    @Column(name = "text_sealed", nullable = false)
    private byte[] textSealed;

    @Column(name = "written_at", nullable = false)
    private OffsetDateTime writtenAt;

    protected InboxReply() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static InboxReply answer(String id, InboxMessage message, String accountId, byte[] textSealed, Instant at) {
        InboxReply reply = new InboxReply();
        reply.id = id;
        reply.messageId = message.id();
        reply.accountId = accountId;
        reply.caseId = message.caseId();
        reply.partner = message.partner();
        reply.textSealed = textSealed;
        reply.writtenAt = at.atOffset(ZoneOffset.UTC);
        return reply;
    }

    public String id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String caseId() {
        return caseId;
    }

    public String partner() {
        return partner;
    }

    public byte[] textSealed() {
        return textSealed;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }
}
