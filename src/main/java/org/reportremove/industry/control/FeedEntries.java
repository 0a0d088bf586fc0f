package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reportremove.analysts.entity.CaseResults;
import org.reportremove.analysts.entity.RemovalAction;
import org.reportremove.analysts.entity.RemovalActionType;
import org.reportremove.analysts.entity.RemovalRecorded;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseErased;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.cases.entity.Item;
import org.reportremove.industry.entity.FeedSignalType;
import org.reportremove.industry.entity.FeedSignalsWithdrawn;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.json.JsonDocuments;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;
import org.reportremove.signals.entity.ShareableSignalsImported;
import org.reportremove.signals.entity.Signal;
import jakarta.transaction.Transactional;

import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps the feed's entries in step with the analysts' results and the cases, in the transaction of the change:
 * a shared hash list adds the item's signals (waiting for their hour's batch), a withdrawal removes those no other
 * case keeps in the feed and queues the {@code signals.withdrawn} message for the platforms, an erasure without
 * withdrawal leaves the signals in the feed but forgets which case they came from.
 */
@ApplicationScoped
public class FeedEntries {

    static final String RETAINED = "retained";
    /** The source of an entry that an operator's import shared; it names no item. */
    static final String IMPORTED = "imported";
    private static final String NO_ITEM = "-";
    static final String WITHDRAWN_TYPE = "signals.withdrawn";
    private static final Logger LOG = Logger.getLogger(FeedEntries.class.getName());

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    FeedHead head;

    @Inject
    DataSealer sealer;

    @Inject
    Checkpoints checkpoints;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    PlatformFeeds feeds;

    @Inject
    Event<FeedSignalsWithdrawn> withdrawn;

    void hashShared(@Observes RemovalRecorded recorded) {
        if (recorded.action() != RemovalActionType.HASH_SHARED) {
            return;
        }
        CaseResults results = em.find(CaseResults.class, recorded.caseId());
        Case reportCase = cases.find(recorded.caseId()).orElse(null);
        if (results == null || reportCase == null) {
            return;
        }
        RemovalAction action = results.removalActions().stream()
                .filter(a -> a.eventId().equals(recorded.eventId())).findFirst().orElse(null);
        if (action == null) {
            return;
        }
        String listName = action.listName() == null ? "default" : action.listName();
        OffsetDateTime hour = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS);
        String group = sealer.keyedDigest("industry-batch-group", reportCase.id());
        int added = 0;
        for (Item item : reportCase.items()) {
            if (action.itemReference() != null && !action.itemReference().equals(item.itemReference().value())) {
                continue;
            }
            for (Signal signal : item.signals()) {
                // A perceptual hash below a reliable quality would block innocent uploads: it stays out of the feed.
                if (!signal.reliable() || FeedSignalType.nameOf(signal.type()).isEmpty()) {
                    continue;
                }
                added += share(listName, signal, reportCase.id(), item.itemReference().value(), hour, group);
            }
        }
        int count = added;
        LOG.info(() -> "event=industry.shared caseId=" + reportCase.id() + " entries=" + count + " outcome=waiting");
    }

    /** @return 1 when a new entry was made, 0 when the signal was in the list already */
    private int share(String listName, Signal signal, String caseId, String itemReference, OffsetDateTime hour,
                      String group) {
        List<?> current = em.createNativeQuery("SELECT feed_id FROM industry_feed_entry WHERE list_name = ?1"
                        + " AND signal_type = ?2 AND signal_value = ?3 AND removed_seq IS NULL")
                .setParameter(1, listName).setParameter(2, signal.type().name()).setParameter(3, signal.value())
                .setMaxResults(1).getResultList();
        String feedId;
        int made = 0;
        if (current.isEmpty()) {
            feedId = UUID.randomUUID().toString();
            em.createNativeQuery("INSERT INTO industry_feed_entry (feed_id, list_name, signal_type, signal_value,"
                            + " queued_hour, batch_group) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, feedId).setParameter(2, listName).setParameter(3, signal.type().name())
                    .setParameter(4, signal.value()).setParameter(5, hour).setParameter(6, group).executeUpdate();
            made = 1;
        } else {
            feedId = (String) current.get(0);
        }
        em.createNativeQuery("INSERT INTO industry_feed_source (feed_id, source_id, item_reference)"
                        + " SELECT ?1, ?2, ?3 FROM industry_feed_head WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM"
                        + " industry_feed_source WHERE feed_id = ?1 AND source_id = ?2 AND item_reference = ?3)")
                .setParameter(1, feedId).setParameter(2, caseId).setParameter(3, itemReference).executeUpdate();
        return made;
    }

    void caseWithdrawn(@Observes CaseWithdrawn event) {
        List<?> sourced = em.createNativeQuery("SELECT DISTINCT feed_id FROM industry_feed_source WHERE source_id = ?1")
                .setParameter(1, event.caseId()).getResultList();
        if (sourced.isEmpty()) {
            return;
        }
        FeedHead.Locked locked = head.lock();
        em.createNativeQuery("DELETE FROM industry_feed_source WHERE source_id = ?1")
                .setParameter(1, event.caseId()).executeUpdate();
        Removal removal = removeUnkept(sourced, locked);
        withdrawn.fire(new FeedSignalsWithdrawn(event.caseId(), removal.removed()));
        LOG.info(() -> "event=industry.withdrawn caseId=" + event.caseId() + " removed=" + removal.removed()
                + " platforms=" + removal.told() + " outcome=removed");
    }

    /**
     * An operator's import shared these signals on a list: each joins it (waiting for its hour, as the analysts'
     * do) unless the list has it already, with the import as one of its sources. Each imported signal is its own
     * batch group: it belongs to no case, so there is nothing to keep it apart from.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int shareImported(String listName, List<Signal> signals) {
        OffsetDateTime hour = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS);
        int added = 0;
        for (Signal signal : signals) {
            if (signal.reliable() && FeedSignalType.nameOf(signal.type()).isPresent()) {
                added += share(listName, signal, IMPORTED, NO_ITEM, hour, UUID.randomUUID().toString());
            }
        }
        return added;
    }

    /**
     * An operator's import took these signals out of the bank: they are no longer the import's on any list, and
     * leave the feed where no case keeps them, as removals at once (with the {@code signals.withdrawn} message).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int removeImported(List<ShareableSignalsImported.Removed> signals) {
        Set<String> sourced = new LinkedHashSet<>();
        for (ShareableSignalsImported.Removed signal : signals) {
            for (Object id : em.createNativeQuery("SELECT e.feed_id FROM industry_feed_entry e JOIN"
                            + " industry_feed_source s ON s.feed_id = e.feed_id WHERE s.source_id = ?1"
                            + " AND e.signal_type = ?2 AND e.signal_value = ?3 AND e.removed_seq IS NULL")
                    .setParameter(1, IMPORTED).setParameter(2, signal.type().name())
                    .setParameter(3, signal.value()).getResultList()) {
                sourced.add((String) id);
            }
        }
        if (sourced.isEmpty()) {
            return 0;
        }
        FeedHead.Locked locked = head.lock();
        for (String feedId : sourced) {
            em.createNativeQuery("DELETE FROM industry_feed_source WHERE feed_id = ?1 AND source_id = ?2")
                    .setParameter(1, feedId).setParameter(2, IMPORTED).executeUpdate();
        }
        Removal removal = removeUnkept(List.copyOf(sourced), locked);
        LOG.info(() -> "event=industry.import-removed removed=" + removal.removed() + " platforms=" + removal.told()
                + " outcome=removed");
        return removal.removed();
    }

    /** What a removal did: entries that left the feed, platforms told. */
    private record Removal(int removed, int told) {
    }

    /**
     * Of these entries, those no source keeps any more leave: unpublished ones without a trace, published ones as
     * removals at the next positions, told to the platforms subscribed to their lists. The head is locked.
     */
    private Removal removeUnkept(List<?> candidates, FeedHead.Locked locked) {
        long position = locked.lastPosition();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, List<String>> removed = new TreeMap<>();
        Set<String> orphans = new LinkedHashSet<>();
        for (Object id : candidates) {
            Number others = (Number) em.createNativeQuery("SELECT COUNT(*) FROM industry_feed_source WHERE feed_id = ?1")
                    .setParameter(1, id).getSingleResult();
            if (others.longValue() == 0) {
                orphans.add((String) id);
            }
        }
        for (String feedId : orphans) {
            Object[] entry = (Object[]) em.createNativeQuery("SELECT added_seq, removed_seq, list_name"
                    + " FROM industry_feed_entry WHERE feed_id = ?1").setParameter(1, feedId).getSingleResult();
            if (entry[0] == null) {
                // Never published: it leaves without a trace in the feed.
                em.createNativeQuery("DELETE FROM industry_feed_entry WHERE feed_id = ?1").setParameter(1, feedId)
                        .executeUpdate();
            } else if (entry[1] == null) {
                position++;
                em.createNativeQuery("UPDATE industry_feed_entry SET removed_seq = ?1, removed_day = ?2"
                                + " WHERE feed_id = ?3").setParameter(1, position).setParameter(2, today)
                        .setParameter(3, feedId).executeUpdate();
                removed.computeIfAbsent((String) entry[2], l -> new ArrayList<>()).add(feedId);
            }
        }
        head.moveTo(position, locked.lastGroup());
        int told = tellSubscribers(removed, position);
        return new Removal(removed.values().stream().mapToInt(List::size).sum(), told);
    }

    /**
     * Queues one {@code signals.withdrawn} message for each platform subscribed to a list that lost signals, naming
     * only the ids of its own lists: a platform never learns of (nor from) a list it does not receive.
     *
     * @return how many platforms are told
     */
    private int tellSubscribers(Map<String, List<String>> removedByList, long position) {
        if (removedByList.isEmpty()) {
            return 0;
        }
        String checkpoint = checkpoints.seal(new org.reportremove.industry.entity.Checkpoint(position));
        int told = 0;
        for (Map.Entry<String, Set<String>> platform : feeds.subscriptions().entrySet()) {
            JsonArrayBuilder ids = JsonDocuments.JSON.createArrayBuilder();
            int named = 0;
            for (Map.Entry<String, List<String>> list : removedByList.entrySet()) {
                if (platform.getValue().contains(list.getKey())) {
                    list.getValue().forEach(ids::add);
                    named += list.getValue().size();
                }
            }
            if (named == 0) {
                continue;
            }
            String payload = JsonDocuments.JSON.createObjectBuilder().add("partner", platform.getKey())
                    .add("data", JsonDocuments.JSON.createObjectBuilder().add("ids", ids).add("checkpoint", checkpoint))
                    .build().toString();
            outbox.queue(Topic.INDUSTRY, UUID.randomUUID().toString(), WITHDRAWN_TYPE, payload, 0);
            told++;
        }
        return told;
    }

    void caseErased(@Observes CaseErased event) {
        em.createNativeQuery("INSERT INTO industry_feed_source (feed_id, source_id, item_reference)"
                        + " SELECT DISTINCT s.feed_id, ?2, '-' FROM industry_feed_source s WHERE s.source_id = ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM industry_feed_source r WHERE r.feed_id = s.feed_id"
                        + " AND r.source_id = ?2)")
                .setParameter(1, event.caseId()).setParameter(2, RETAINED).executeUpdate();
        em.createNativeQuery("DELETE FROM industry_feed_source WHERE source_id = ?1")
                .setParameter(1, event.caseId()).executeUpdate();
    }
}
