package org.reportremove.inbox.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.control.HeldWithAccount;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.AccountDeleted;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.inbox.entity.InboxCursor;
import org.reportremove.inbox.entity.InboxMessage;
import org.reportremove.inbox.entity.HelplineNoLongerFollowsUp;
import org.reportremove.inbox.entity.InboxReply;
import org.reportremove.inbox.entity.MessageNotFound;
import org.reportremove.inbox.entity.NotACounsellorMessage;
import org.reportremove.inbox.entity.ReplyWritten;
import org.reportremove.platform.crypto.DataSealer;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A young person's inbox: writes the service's messages (each one-of-a-kind message once) and counsellors' messages
 * (their text sealed), takes the young person's replies to counsellors, pages messages newest first, marks them
 * read, and erases them and the replies with the account.
 */
@ApplicationScoped
public class Inbox implements HeldWithAccount {

    @Inject
    InboxMetrics metrics;

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    @Inject
    DataSealer sealer;

    @Inject
    Cases cases;

    @Inject
    Event<ReplyWritten> replied;

    private static final String MESSAGE_OWNER = "inbox-message:";
    private static final String REPLY_OWNER = "inbox-reply:";

    /** One message of a case's thread with a helpline, as the helpline reads it. */
    public record ThreadEntry(String id, boolean fromCounsellor, String counsellor, String text, String inReplyTo,
                              java.time.OffsetDateTime writtenAt, boolean read) {
    }

    /** A page of messages and how many of all of them are unread. */
    public record Page(List<InboxMessage> messages, long unread, Optional<InboxCursor> next) {
    }

    /**
     * Writes a message from the service to the owner of a case, in the caller's transaction, unless one with the
     * same {@code onceKey} exists; an owner whose account is gone gets nothing.
     *
     * @return whether it was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean writeOnce(Case about, String messageKey, String onceKey) {
        Optional<Account> owner = accounts.find(about.accountId());
        if (owner.isEmpty() || exists(onceKey)) {
            return false;
        }
        Account account = owner.get();
        InboxMessage message = InboxMessage.fromService(account.id(), about, messageKey, onceKey, clock.instant());
        em.persist(message);
        metrics.written();
        notifications.due(account);
        LOG.info(() -> "event=inbox.written message=" + message.id() + " case=" + about.reference().value());
        return true;
    }

    /**
     * Writes a counsellor's message to the owner of a case, in the caller's transaction; its text is sealed to the
     * message, and a notification says only that there is a new message.
     *
     * @return the message id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String writeFromCounsellor(Case about, Account owner, String partner, String counsellor, String text) {
        String id = InboxMessage.newId();
        InboxMessage message = InboxMessage.fromCounsellor(id, owner.id(), about, partner, counsellor,
                sealer.seal(text, MESSAGE_OWNER + id), clock.instant());
        em.persist(message);
        metrics.written();
        notifications.due(owner);
        LOG.info(() -> "event=inbox.counsellor-written message=" + id + " case=" + about.reference().value());
        return id;
    }

    /** The text of a counsellor's message, for its reader. */
    public String textOf(InboxMessage message) {
        return message.textSealed() == null ? null : sealer.open(message.textSealed(), MESSAGE_OWNER + message.id());
    }

    /**
     * The young person answers a counsellor's message; the helpline is told ({@link ReplyWritten}).
     *
     * @throws MessageNotFound when the message is not the owner's
     * @throws NotACounsellorMessage when it is the service's own message
     * @throws HelplineNoLongerFollowsUp when the message's helpline lost consent for the case
     */
    @Transactional
    public InboxReply reply(AccountId owner, String messageId, String text) {
        InboxMessage message = Optional.ofNullable(em.find(InboxMessage.class, messageId))
                .filter(found -> found.belongsTo(owner)).orElseThrow(MessageNotFound::new);
        if (!message.fromCounsellor()) {
            throw new NotACounsellorMessage();
        }
        Case about = cases.find(message.caseId()).orElseThrow(MessageNotFound::new);
        if (!about.open()) {
            throw HelplineNoLongerFollowsUp.caseWithdrawn();
        }
        // Under the case's lock: a consent change committing meanwhile is waited for and then read.
        if (!cases.partnersFollowingUp(about.id()).contains(message.partner())) {
            throw new HelplineNoLongerFollowsUp();
        }
        String id = InboxReply.newId();
        InboxReply reply = InboxReply.answer(id, message, owner.value(), sealer.seal(text, REPLY_OWNER + id),
                clock.instant());
        em.persist(reply);
        message.markRead(clock.instant());
        em.flush();
        replied.fire(new ReplyWritten(message.caseId(), message.partner(), id, reply.writtenAt().toInstant()));
        LOG.info(() -> "event=inbox.replied reply=" + id + " case=" + about.reference().value());
        return reply;
    }

    /** A case's thread with one helpline: its counsellors' messages and the replies to them, oldest first. */
    public List<ThreadEntry> thread(String caseId, String partner) {
        List<ThreadEntry> entries = new java.util.ArrayList<>();
        em.createQuery("SELECT m FROM InboxMessage m WHERE m.caseId = :case AND m.partner = :partner",
                        InboxMessage.class)
                .setParameter("case", caseId).setParameter("partner", partner)
                .getResultStream()
                .forEach(m -> entries.add(new ThreadEntry(m.id(), true, m.counsellor(), textOf(m), null,
                        m.writtenAt(), m.read())));
        em.createQuery("SELECT r FROM InboxReply r WHERE r.caseId = :case AND r.partner = :partner",
                        InboxReply.class)
                .setParameter("case", caseId).setParameter("partner", partner)
                .getResultStream()
                .forEach(r -> entries.add(new ThreadEntry(r.id(), false, null,
                        sealer.open(r.textSealed(), REPLY_OWNER + r.id()), r.messageId(), r.writtenAt(), true)));
        entries.sort(java.util.Comparator.comparing(ThreadEntry::writtenAt).thenComparing(ThreadEntry::id));
        return entries;
    }

    private boolean exists(String onceKey) {
        return onceKey != null && !em.createQuery("SELECT m.id FROM InboxMessage m WHERE m.onceKey = :once",
                        String.class)
                .setParameter("once", onceKey).setMaxResults(1).getResultList().isEmpty();
    }

    /** Newest first, {@code size} at most, after the cursor when there is one. */
    public Page page(AccountId owner, Optional<InboxCursor> after, int size) {
        String where = "m.accountId = :account" + (after.isPresent()
                ? " AND (m.writtenAt < :at OR (m.writtenAt = :at AND m.id < :id))" : "");
        TypedQuery<InboxMessage> query = em.createQuery("SELECT m FROM InboxMessage m WHERE " + where
                        + " ORDER BY m.writtenAt DESC, m.id DESC", InboxMessage.class)
                .setParameter("account", owner.value())
                .setMaxResults(size + 1);
        after.ifPresent(cursor -> query.setParameter("at", cursor.writtenAt().atOffset(ZoneOffset.UTC))
                .setParameter("id", cursor.id()));
        List<InboxMessage> found = query.getResultList();
        List<InboxMessage> page = found.size() > size ? found.subList(0, size) : found;
        Optional<InboxCursor> next = found.size() > size
                ? Optional.of(new InboxCursor(page.get(size - 1).writtenAt().toInstant(), page.get(size - 1).id()))
                : Optional.empty();
        return new Page(List.copyOf(page), unread(owner), next);
    }

    private long unread(AccountId owner) {
        return em.createQuery("SELECT COUNT(m) FROM InboxMessage m WHERE m.accountId = :account"
                        + " AND m.readAt IS NULL", Long.class)
                .setParameter("account", owner.value()).getSingleResult();
    }

    /** @throws MessageNotFound when the message is not the owner's */
    @Transactional
    public void markRead(AccountId owner, String messageId) {
        InboxMessage message = Optional.ofNullable(em.find(InboxMessage.class, messageId))
                .filter(found -> found.belongsTo(owner)).orElseThrow(MessageNotFound::new);
        if (message.markRead(clock.instant())) {
            LOG.info(() -> "event=inbox.read message=" + message.id());
        }
    }

    @Override
    public List<String> describe(AccountId accountId) {
        long held = em.createQuery("SELECT COUNT(m) FROM InboxMessage m WHERE m.accountId = :account", Long.class)
                .setParameter("account", accountId.value()).getSingleResult();
        long replies = em.createQuery("SELECT COUNT(r) FROM InboxReply r WHERE r.accountId = :account", Long.class)
                .setParameter("account", accountId.value()).getSingleResult();
        return List.of(held + " messages in your inbox about your reports (" + unread(accountId) + " not read yet).",
                (replies == 1 ? "1 reply" : replies + " replies") + " you sent to counsellors, which only their"
                        + " helpline can read.");
    }

    /**
     * Runs after the other observers of the erasure (withdrawing a case with the account writes a message too), so
     * that nothing written to the account outlives it: its messages, and a notification that has not left yet.
     */
    void erase(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) AccountDeleted deleted) {
        em.flush();
        em.createQuery("DELETE FROM InboxReply r WHERE r.accountId = :account")
                .setParameter("account", deleted.accountId().value()).executeUpdate();
        int erased = em.createQuery("DELETE FROM InboxMessage m WHERE m.accountId = :account")
                .setParameter("account", deleted.accountId().value()).executeUpdate();
        accounts.find(deleted.accountId()).ifPresent(account -> notifications.takeBack(account.notificationId()));
        LOG.info(() -> "event=inbox.erased messages=" + erased);
    }
}
