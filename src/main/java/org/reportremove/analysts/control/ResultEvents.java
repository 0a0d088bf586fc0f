package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.reportremove.platform.security.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Applies a batch of result events from the analyst side, each on its own: one bad event never blocks the
 * others, an event id seen before changes nothing, and events may come in any order (progress is worked out
 * from event times, not arrival).
 */
@ApplicationScoped
public class ResultEvents {

    private static final Logger LOG = Logger.getLogger(ResultEvents.class.getName());
    public static final int MAX_BATCH = 1000;

    @Inject
    ResultEventApplier applier;

    @Inject
    ExchangeMetrics metrics;

    public List<EventResult> apply(List<IncomingEvent> events, Actor actor) {
        List<EventResult> results = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            results.add(applyOne(event, actor));
        }
        metrics.counted(results);
        Map<String, Long> counts = results.stream()
                .collect(Collectors.groupingBy(EventResult::status, TreeMap::new, Collectors.counting()));
        LOG.info(() -> "event=analysts.results received=" + events.size() + " outcomes=" + counts);
        return results;
    }

    private EventResult applyOne(IncomingEvent event, Actor actor) {
        CheckedEvent checked;
        try {
            checked = EventChecks.check(event);
        } catch (EventChecks.Rejected rejected) {
            // The id is echoed so the sender can match the answer, unless it is too long to be one.
            String id = event == null || event.eventId() == null || event.eventId().length() > 64
                    ? null : event.eventId();
            return EventResult.rejected(id, rejected.reason, rejected.getMessage());
        }
        try {
            return applier.apply(checked, actor);
        } catch (PersistenceException | TransactionalException e) {
            // The same event id may have committed in a concurrent batch between our check and our insert.
            if (applier.seen(checked.eventId())) {
                return EventResult.duplicate(checked.eventId());
            }
            throw e;
        }
    }
}
