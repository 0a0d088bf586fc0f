package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.control.MatchDisputes;
import org.reportremove.analysts.entity.CaseResults;
import org.reportremove.analysts.entity.RemovalAction;
import org.reportremove.analysts.entity.RemovalActionType;
import org.reportremove.analysts.entity.RemovalRecorded;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.industry.entity.FeedbackOutcome;
import org.reportremove.industry.entity.NotBlockedReason;
import org.reportremove.platform.security.Actor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one piece of a platform's feedback in a transaction of its own, with the record of its event id. Blocked
 * uploads and removed copies become removal actions of every open case the signal was shared for, naming the
 * platform by its client id (progress counts platforms, and names none to the young person); a suspected false
 * match goes to the analyst side as a dispute.
 */
@ApplicationScoped
public class FeedbackApplier {

    /** What became of one piece of feedback. */
    public enum Status {
        APPLIED, DUPLICATE, UNKNOWN_SIGNAL
    }

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    MatchDisputes disputes;

    @Inject
    Event<RemovalRecorded> removal;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Status apply(String platform, Collection<String> lists, FeedbackEvent event, Actor actor) {
        if (seen(platform, event.eventId())) {
            return Status.DUPLICATE;
        }
        List<?> visible = em.createNativeQuery("SELECT feed_id FROM industry_feed_entry WHERE feed_id = ?1"
                        + " AND added_seq IS NOT NULL").setParameter(1, event.id()).getResultList();
        String list = visible.isEmpty() ? null : (String) em.createNativeQuery(
                "SELECT list_name FROM industry_feed_entry WHERE feed_id = ?1").setParameter(1, event.id())
                .getSingleResult();
        if (list == null || !lists.contains(list)) {
            return Status.UNKNOWN_SIGNAL;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // A count or a reason, never both: the other is written as a plain NULL (a bound null has no type).
        boolean counted = event.count() != null;
        em.createNativeQuery("INSERT INTO industry_feedback (platform, event_id, feed_id, outcome, item_count,"
                        + " reason, received_at) VALUES (?1, ?2, ?3, ?4, " + (counted ? "?5, NULL" : "NULL, ?5")
                        + ", ?6)")
                .setParameter(1, platform).setParameter(2, event.eventId()).setParameter(3, event.id())
                .setParameter(4, event.outcome().name())
                .setParameter(5, counted ? event.count() : event.reason().name()).setParameter(6, now)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> sources = em.createNativeQuery("SELECT source_id, item_reference FROM industry_feed_source"
                + " WHERE feed_id = ?1 AND source_id <> ?2 ORDER BY source_id, item_reference")
                .setParameter(1, event.id()).setParameter(2, FeedEntries.RETAINED).getResultList();
        for (Object[] source : sources) {
            String caseId = (String) source[0];
            String itemReference = (String) source[1];
            Optional<Case> open = cases.find(caseId).filter(c -> c.withdrawnAt() == null);
            if (open.isEmpty()) {
                continue;
            }
            if (event.outcome() == FeedbackOutcome.NOT_BLOCKED) {
                if (event.reason() == NotBlockedReason.SUSPECTED_FALSE_MATCH) {
                    disputes.queue(caseId, itemReference, event.reason().name());
                }
                continue;
            }
            record(caseId, itemReference, platform, event, now, actor);
        }
        return Status.APPLIED;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean seen(String platform, String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM industry_feedback WHERE platform = ?1 AND event_id = ?2")
                .setParameter(1, platform).setParameter(2, eventId).getResultList().isEmpty();
    }

    private void record(String caseId, String itemReference, String platform, FeedbackEvent event,
                        OffsetDateTime at, Actor actor) {
        CaseResults results = Optional.ofNullable(em.find(CaseResults.class, caseId, LockModeType.PESSIMISTIC_WRITE))
                .orElseGet(() -> {
                    CaseResults started = CaseResults.startFor(caseId);
                    em.persist(started);
                    return started;
                });
        // One action per case and item for each piece of feedback, under an id derived from the platform's own.
        String eventId = UUID.nameUUIDFromBytes((platform + "\n" + event.eventId() + "\n" + caseId + "\n"
                + itemReference).getBytes(StandardCharsets.UTF_8)).toString();
        RemovalActionType action = event.outcome() == FeedbackOutcome.MATCHED ? RemovalActionType.UPLOADS_BLOCKED
                : RemovalActionType.REMOVED;
        results.recordRemoval(eventId, new RemovalAction.Step(UUID.randomUUID().toString(), itemReference, action,
                null, null, null, platform, event.count(), at));
        removal.fire(new RemovalRecorded(caseId, eventId, action, actor));
    }
}
