package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.entity.CaseResults;
import org.reportremove.analysts.entity.RemovalAction;
import org.reportremove.analysts.entity.ResultEvent;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.entity.ActorRole;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Item;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.crypto.Digests;

import java.util.Optional;
import java.util.UUID;

/**
 * Applies one checked result event in a transaction of its own, with its audit entry and the record of its id.
 * The case row is locked first, so that events for one case and its withdrawal happen one after another, and a
 * replayed event id is then seen for certain.
 */
@ApplicationScoped
public class ResultEventApplier {

    static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    static final String ITEM_NOT_IN_CASE = "ITEM_NOT_IN_CASE";

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    DataSealer sealer;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public EventResult apply(CheckedEvent event, ActorRole role, String actorId) {
        Optional<Case> found = em.createQuery("SELECT c FROM ReportCase c WHERE c.analystReference = :reference",
                        Case.class)
                .setParameter("reference", event.analystReference())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (em.find(ResultEvent.class, event.eventId()) != null) {
            return EventResult.duplicate(event.eventId());
        }
        if (found.isEmpty()) {
            return EventResult.rejected(event.eventId(), UNKNOWN_REFERENCE, "analystReference: no case has this"
                    + " reference (it may have been erased with its account)");
        }
        Case reportCase = found.get();
        if (event.itemReference() != null
                && reportCase.items().stream().map(Item::itemReference).noneMatch(event.itemReference()::equals)) {
            return EventResult.rejected(event.eventId(), ITEM_NOT_IN_CASE, "itemReference: not an item of this case");
        }
        if (!reportCase.open()) {
            em.persist(ResultEvent.dealtWith(event.eventId(), event.kind(), ResultEvent.Outcome.IGNORED));
            return EventResult.ignored(event.eventId());
        }
        CaseResults results = Optional.ofNullable(em.find(CaseResults.class, reportCase.id(),
                LockModeType.PESSIMISTIC_WRITE)).orElseGet(() -> {
                    CaseResults started = CaseResults.startFor(reportCase.id());
                    em.persist(started);
                    return started;
                });
        String action = switch (event.kind()) {
            case ASSESSMENT -> {
                results.recordAssessment(event.eventId(), event.finding());
                yield "ANALYST_ASSESSMENT_RECORDED";
            }
            case REMOVAL_ACTION -> {
                results.recordRemoval(event.eventId(), step(reportCase, event));
                yield "ANALYST_REMOVAL_RECORDED";
            }
            case CASE_CLOSED -> {
                results.close(event.at());
                yield "ANALYST_CASE_CLOSED";
            }
        };
        em.persist(ResultEvent.dealtWith(event.eventId(), event.kind(), ResultEvent.Outcome.APPLIED));
        audit.record(role, actorId, action, "CASE", reportCase.id());
        return EventResult.applied(event.eventId());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean seen(String eventId) {
        return em.find(ResultEvent.class, eventId) != null;
    }

    /** The location is sealed for the new action's id, and digested with the case id to match places. */
    private RemovalAction.Step step(Case reportCase, CheckedEvent event) {
        String id = UUID.randomUUID().toString();
        byte[] sealed = event.location() == null ? null : sealer.seal(event.location(), "removal:" + id);
        String digest = event.location() == null ? null : Digests.sha256Hex(reportCase.id() + "\n" + event.location());
        return new RemovalAction.Step(id, event.itemReference(), event.action(), event.listName(), sealed, digest,
                event.platform(), event.count(), event.at());
    }
}
