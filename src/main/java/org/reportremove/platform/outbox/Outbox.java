package org.reportremove.platform.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Queues messages in the caller's transaction (a message exists exactly when the change that caused it
 * committed), and lets workers claim and acknowledge them.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final String OWNER_PREFIX = "outbox:";

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DataSealer sealer;

    @Inject
    Clock clock;

    @Inject
    OutboxMetrics metrics;

    /**
     * Queues a message with a JSON payload (stored encrypted); messages of a higher {@code priority} are claimed
     * before those of a lower one, and among equals the oldest first.
     *
     * @param subjectId what the message is about, as an id (never content), so that its unclaimed messages can be
     *                  {@linkplain #discardUnclaimed taken back}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String queue(Topic topic, String subjectId, String type, String payloadJson, int priority) {
        return queue(topic, subjectId, type, payloadJson, priority, null);
    }

    /**
     * Queues a message that no consumer may claim before {@code availableAt} (null: at once), for messages whose
     * release must not tell when they were queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String queue(Topic topic, String subjectId, String type, String payloadJson, int priority,
                        OffsetDateTime availableAt) {
        String id = OutboxMessage.newId();
        em.persist(OutboxMessage.queued(id, topic, subjectId, type, sealer.seal(payloadJson, OWNER_PREFIX + id),
                priority, availableAt));
        return id;
    }

    /**
     * Takes back, in the caller's transaction, the messages about {@code subjectId} that no consumer has claimed:
     * they never leave. A message being claimed at this moment is left to its claimer (the claim's lock is waited
     * for, and a claimed message no longer matches).
     *
     * @return how many were taken back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int discardUnclaimed(Topic topic, String subjectId) {
        return discardWhere(topic, subjectId, "m.claimToken IS NULL");
    }

    /**
     * Takes back, in the caller's transaction, the messages about {@code subjectId} that a consumer has claimed and
     * not acknowledged: a claimer that acknowledges one later is told it is not there (as for any acknowledgement
     * it need not repeat), and one whose lease runs out (it crashed with it, say) is never offered it again. Waits
     * for a claimer's transaction that holds one of them.
     *
     * @return how many were taken back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int discardClaimed(Topic topic, String subjectId) {
        return discardWhere(topic, subjectId, "m.claimToken IS NOT NULL");
    }

    private int discardWhere(Topic topic, String subjectId, String claim) {
        em.flush();
        return em.createQuery("DELETE FROM OutboxMessage m WHERE m.topic = :topic AND m.subjectId = :subject AND "
                        + claim)
                .setParameter("topic", topic)
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    /**
     * Takes back, in the caller's transaction, the messages about {@code subjectId} whose payload matches, claimed
     * or not: a claimed one is then no longer there for its claimer to acknowledge, so a consumer that acknowledges
     * before it acts on a message (as the webhook fan-out does) never acts on it. Waits for a claimer's transaction
     * that holds one of them.
     *
     * @return how many were taken back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int discard(Topic topic, String subjectId, Predicate<String> payloadMatches) {
        em.flush();
        List<OutboxMessage> found = em.createQuery("SELECT m FROM OutboxMessage m WHERE m.topic = :topic"
                        + " AND m.subjectId = :subject", OutboxMessage.class)
                .setParameter("topic", topic)
                .setParameter("subject", subjectId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int discarded = 0;
        for (OutboxMessage message : found) {
            if (payloadMatches.test(sealer.open(message.payload(), OWNER_PREFIX + message.id()))) {
                em.remove(message);
                discarded++;
            }
        }
        em.flush();
        return discarded;
    }

    /** Whether a message about {@code subjectId} waits unclaimed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean waiting(Topic topic, String subjectId) {
        em.flush();
        return !em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.topic = :topic AND m.subjectId = :subject"
                        + " AND m.claimToken IS NULL", String.class)
                .setParameter("topic", topic)
                .setParameter("subject", subjectId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Claims up to {@code max} messages of the topic, each leased to the caller for {@code lease}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedMessage> claim(Topic topic, int max, Duration lease) {
        try (Connection connection = dataSource.getConnection()) {
            List<ClaimedMessage> claimed = OutboxClaims.claim(connection, topic, max, lease, OffsetDateTime.now(clock)).stream()
                    .map(row -> new ClaimedMessage(row.id(), topic, row.type(),
                            sealer.open(row.sealedPayload(), OWNER_PREFIX + row.id()), row.claimToken(), row.attempts(),
                            row.queuedAt(), row.subjectId()))
                    .toList();
            metrics.lapsed(topic, (int) claimed.stream().filter(message -> message.attempts() > 1).count());
            if (!claimed.isEmpty()) {
                LOG.info(() -> "event=outbox.claimed topic=" + topic + " count=" + claimed.size());
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read", e);
        }
    }

    /**
     * Removes a delivered message that was claimed at some point, whoever holds it now: for consumers outside the
     * service (the analyst side), which acknowledge by message id. Empty when there is no such claimed message.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxClaims.Delivered> acknowledgeDelivered(Topic topic, String id) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<OutboxClaims.Delivered> delivered = OutboxClaims.acknowledgeDelivered(connection, topic, id);
            delivered.ifPresent(message -> metrics.delivered(topic, 1));
            return delivered;
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be updated", e);
        }
    }

    /**
     * {@link #acknowledgeDelivered(Topic, String)} for several messages, in one transaction.
     *
     * @return the messages removed, with what each was about; the others were not claimed messages of the topic
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxClaims.Delivered> acknowledgeDelivered(Topic topic, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return OutboxClaims.acknowledgeDelivered(connection, topic, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be updated", e);
        }
    }

    /** Removes a delivered message; false when its lease had run out and another worker holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acknowledge(ClaimedMessage message) {
        try (Connection connection = dataSource.getConnection()) {
            boolean done = OutboxClaims.acknowledge(connection, message.id(), message.claimToken());
            metrics.delivered(message.topic(), done ? 1 : 0);
            LOG.info(() -> "event=outbox.acknowledged topic=" + message.topic() + " id=" + message.id() + " held=" + done);
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be updated", e);
        }
    }
}
