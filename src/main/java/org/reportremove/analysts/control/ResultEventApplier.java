package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.analysts.entity.AnalystCaseClosed;
import org.reportremove.analysts.entity.AnalystItemFound;
import org.reportremove.analysts.entity.ResultEventKind;
import org.reportremove.analysts.entity.AssessmentRecorded;
import org.reportremove.analysts.entity.CaseResults;
import org.reportremove.analysts.entity.ErasedAnalystCase;
import org.reportremove.analysts.entity.RemovalAction;
import org.reportremove.analysts.entity.RemovalActionType;
import org.reportremove.analysts.entity.RemovalRecorded;
import org.reportremove.analysts.entity.ResultEvent;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.ItemReference;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.crypto.Digests;
import org.reportremove.platform.security.Actor;
import org.reportremove.signals.control.KnownSignalBank;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one checked result event in a transaction of its own, with the record of its id and the event that tells
 * what it changed. The exchange's record of the case is locked first, so that events for one case and its
 * withdrawal happen one after another, and a replayed event id is then seen for certain.
 */
@ApplicationScoped
public class ResultEventApplier {

    static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    static final String ITEM_NOT_IN_CASE = "ITEM_NOT_IN_CASE";
    static final String ITEM_ALREADY_IN_CASE = "ITEM_ALREADY_IN_CASE";
    static final String TOO_MANY_ITEMS = "TOO_MANY_ITEMS";
    static final String ITEM_REFERENCE_TAKEN = "ITEM_REFERENCE_TAKEN";

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    DataSealer sealer;

    @Inject
    Event<AssessmentRecorded> assessed;

    @Inject
    Event<RemovalRecorded> removal;

    @Inject
    Event<AnalystCaseClosed> closed;

    @Inject
    Event<AnalystItemFound> itemFound;

    @Inject
    Cases cases;

    @Inject
    AnalystCaseHold hold;

    @Inject
    KnownSignalBank bank;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public EventResult apply(CheckedEvent event, Actor actor) {
        AnalystCase handedOver = hold.hold(event.analystReference());
        if (em.find(ResultEvent.class, event.eventId()) != null) {
            return EventResult.duplicate(event.eventId());
        }
        if (handedOver == null) {
            if (em.find(ErasedAnalystCase.class, event.analystReference()) != null) {
                // The case went with its account; the analyst side may rightly still be working on it.
                em.persist(ResultEvent.dealtWith(event.eventId(), event.kind(), ResultEvent.Outcome.IGNORED));
                return EventResult.ignored(event.eventId());
            }
            return EventResult.rejected(event.eventId(), UNKNOWN_REFERENCE, "analystReference: no case has ever had"
                    + " this reference");
        }
        boolean found = event.kind() == ResultEventKind.ITEM_FOUND;
        if (found && handedOver.holds(new ItemReference(event.itemReference()))) {
            return EventResult.rejected(event.eventId(), ITEM_ALREADY_IN_CASE, "itemReference: the case holds an"
                    + " item with this reference already; a found item needs a new one");
        }
        if (found && cases.itemReferenceTaken(new ItemReference(event.itemReference()))) {
            // Checked here rather than left to the database's unique key, whose failure would end the whole batch.
            return EventResult.rejected(event.eventId(), ITEM_REFERENCE_TAKEN, "itemReference: another case holds"
                    + " an item with this reference; a found item needs a new one");
        }
        if (!found && event.itemReference() != null && !handedOver.holds(new ItemReference(event.itemReference()))) {
            return EventResult.rejected(event.eventId(), ITEM_NOT_IN_CASE, "itemReference: not an item of this case");
        }
        if (!handedOver.open()) {
            em.persist(ResultEvent.dealtWith(event.eventId(), event.kind(), ResultEvent.Outcome.IGNORED));
            return EventResult.ignored(event.eventId());
        }
        String caseId = handedOver.caseId();
        if (found && cases.find(caseId).map(c -> c.items().size() >= Case.MAX_ITEMS).orElse(true)) {
            return EventResult.rejected(event.eventId(), TOO_MANY_ITEMS, "itemReference: the case holds "
                    + Case.MAX_ITEMS + " items already");
        }
        CaseResults results = Optional.ofNullable(em.find(CaseResults.class, caseId,
                LockModeType.PESSIMISTIC_WRITE)).orElseGet(() -> {
                    CaseResults started = CaseResults.startFor(caseId);
                    em.persist(started);
                    return started;
                });
        em.persist(ResultEvent.dealtWith(event.eventId(), event.kind(), ResultEvent.Outcome.APPLIED));
        switch (event.kind()) {
            case ASSESSMENT -> {
                results.recordAssessment(event.eventId(), event.finding());
                assessed.fire(new AssessmentRecorded(caseId, event.eventId(), actor));
            }
            case REMOVAL_ACTION -> {
                results.recordRemoval(event.eventId(), step(caseId, event));
                if (event.action() == RemovalActionType.HASH_SHARED) {
                    shareWithBank(caseId, event.itemReference());
                }
                removal.fire(new RemovalRecorded(caseId, event.eventId(), event.action(), actor));
            }
            case ITEM_FOUND -> {
                ItemReference reference = new ItemReference(event.itemReference());
                cases.addFoundItem(caseId, reference, event.found());
                handedOver.itemsAdded(List.of(reference));
                itemFound.fire(new AnalystItemFound(caseId, event.eventId(), actor));
            }
            case CASE_CLOSED -> {
                results.close(event.at());
                closed.fire(new AnalystCaseClosed(caseId, event.eventId(), actor));
            }
        }
        return EventResult.applied(event.eventId());
    }

    /**
     * Signals the analysts shared with the industry hash list join the bank of known signals in the event's
     * transaction (an item's, or every item's when the event names none), so later submissions are matched against
     * them on every node.
     */
    private void shareWithBank(String caseId, String itemReference) {
        cases.find(caseId).ifPresent(reportCase -> reportCase.items().stream()
                .filter(item -> itemReference == null || item.itemReference().value().equals(itemReference))
                .forEach(item -> bank.share(item.itemReference().value(), item.signals())));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean seen(String eventId) {
        return em.find(ResultEvent.class, eventId) != null;
    }

    /** The location is sealed for the new action's id, and digested with the case id to match places. */
    private RemovalAction.Step step(String caseId, CheckedEvent event) {
        String id = UUID.randomUUID().toString();
        byte[] sealed = event.location() == null ? null : sealer.seal(event.location(), "removal:" + id);
        String digest = event.location() == null ? null : Digests.sha256Hex(caseId + "\n" + event.location());
        return new RemovalAction.Step(id, event.itemReference(), event.action(), event.listName(), sealed, digest,
                event.platform(), event.count(), event.at());
    }
}
