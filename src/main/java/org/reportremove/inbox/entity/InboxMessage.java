package org.reportremove.inbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Language;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One message in a young person's inbox about one of their cases. The service's own messages hold a key into the
 * wording, never text: the words are made in the case's language when read, so no message text is stored. A
 * counsellor's message ({@link #fromCounsellor}) carries its text, sealed by the caller and bound to its id, and
 * names the helpline partner and the counsellor.
 *
 * <p>Life cycle: {@link #fromService} or {@link #fromCounsellor} writes it unread; {@link #markRead} once read. A message with a {@code
 * onceKey} (a milestone of a case) can exist only once. Erased with the account.
 */
@Entity
@Table(name = "inbox_message")
public class InboxMessage {

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "case_reference", nullable = false)
    private String caseReference;

    @Column(name = "message_key", nullable = false)
    private String messageKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender", nullable = false)
    private MessageSender sender;

    @Column(name = "once_key")
    private String onceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false)
    private Language language;

    @Column(name = "written_at", nullable = false)
    private OffsetDateTime writtenAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    @Column(name = "partner")
    private String partner;

    @Column(name = "counsellor")
    private String counsellor;

    @Column(name = "text_sealed")
    private byte[] textSealed;

    protected InboxMessage() {
    }

    /**
     * @param onceKey null, or what makes it one of a kind (the case and milestone)
     */
    public static InboxMessage fromService(AccountId owner, Case about, String messageKey, String onceKey,
                                           Instant at) {
        InboxMessage message = new InboxMessage();
        message.id = UUID.randomUUID().toString();
        message.accountId = owner.value();
        message.caseId = about.id();
        message.caseReference = about.reference().value();
        message.messageKey = messageKey;
        message.sender = MessageSender.SERVICE;
        message.onceKey = onceKey;
        message.language = about.language();
        message.writtenAt = at.atOffset(ZoneOffset.UTC);
        return message;
    }

    /** The wording key of every counsellor's message: its title; its text is its own. */
    public static final String FROM_COUNSELLOR = "counsellorMessage";

    /** A new message id: made before the message, because a counsellor's text is sealed to it. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param counsellor the acting counsellor as the audit trail names them ({@code <client>:<counsellor>})
     * @param textSealed the text, sealed by the caller for {@code id}
     */
    public static InboxMessage fromCounsellor(String id, AccountId owner, Case about, String partner,
                                              String counsellor, byte[] textSealed, Instant at) {
        InboxMessage message = fromService(owner, about, FROM_COUNSELLOR, null, at);
        message.id = id;
        message.sender = MessageSender.COUNSELLOR;
        message.partner = partner;
        message.counsellor = counsellor;
        message.textSealed = textSealed;
        return message;
    }

    /** A young person may answer a counsellor's message, and only that. */
    public boolean fromCounsellor() {
        return sender == MessageSender.COUNSELLOR;
    }

    /** The helpline partner of a counsellor's message; null for the service's. */
    public String partner() {
        return partner;
    }

    public String counsellor() {
        return counsellor;
    }

    public byte[] textSealed() {
        return textSealed;
    }

    /** @return false when it was read already (the first time counts) */
    public boolean markRead(Instant at) {
        if (readAt != null) {
            return false;
        }
        readAt = at.atOffset(ZoneOffset.UTC);
        return true;
    }

    public boolean belongsTo(AccountId owner) {
        return accountId.equals(owner.value());
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String caseReference() {
        return caseReference;
    }

    public String messageKey() {
        return messageKey;
    }

    public MessageSender sender() {
        return sender;
    }

    public Language language() {
        return language;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }

    public boolean read() {
        return readAt != null;
    }
}
