package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.analysts.entity.ErasedAnalystCase;
import org.reportremove.analysts.entity.PriorityFlag;
import org.reportremove.cases.control.CaseDetails;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseErased;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.ItemsAdded;
import org.reportremove.cases.entity.LocationsAdded;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.signals.control.KnownSignalBank;
import org.reportremove.platform.outbox.Topic;

import java.util.List;
import java.util.Set;

/**
 * Hands cases over to the analyst side as they happen: on submission, on added items or places, on withdrawal and
 * on erasure it keeps its own record ({@link AnalystCase}) and queues the hash-only package, in the transaction of
 * the change itself, so a package exists exactly when its change committed. Packages are queued under the analyst reference, so a
 * withdrawal can take back those not yet claimed.
 */
@ApplicationScoped
public class CaseHandOver {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    CaseDetails details;

    @Inject
    Outbox outbox;

    @Inject
    PackageHoldBack holdBack;

    @Inject
    KnownSignalBank bank;

    void submitted(@Observes CaseSubmitted submitted) {
        Case reportCase = cases.find(submitted.caseId()).orElseThrow();
        AnalystCase handedOver = AnalystCase.handedOver(reportCase.analystReference(), reportCase.id(),
                reportCase.items().stream().map(Item::itemReference).toList());
        em.persist(handedOver);
        queue(handedOver, PackageContents.CASE_SUBMITTED,
                PackageContents.submitted(reportCase, submitted.age(), details.open(reportCase).locations()),
                PriorityFlag.rank(PackageContents.priorityFlags(reportCase, submitted.age())));
    }

    void itemsAdded(@Observes ItemsAdded added) {
        Case reportCase = cases.find(added.caseId()).orElseThrow();
        AnalystCase handedOver = record(reportCase);
        handedOver.itemsAdded(added.itemReferences());
        Set<String> references = Set.copyOf(added.itemReferences().stream().map(r -> r.value()).toList());
        List<Item> items = reportCase.items().stream()
                .filter(item -> references.contains(item.itemReference().value())).toList();
        queue(handedOver, PackageContents.ITEMS_ADDED, PackageContents.itemsAdded(reportCase, added.age(), items),
                PriorityFlag.rank(PackageContents.priorityFlags(reportCase, added.age())));
    }

    void locationsAdded(@Observes LocationsAdded added) {
        Case reportCase = cases.find(added.caseId()).orElseThrow();
        queue(record(reportCase), PackageContents.LOCATIONS_ADDED,
                PackageContents.locationsAdded(reportCase, added.age(), details.open(reportCase).locations()),
                PriorityFlag.rank(PackageContents.priorityFlags(reportCase, added.age())));
    }

    /**
     * A withdrawal first takes back every package about the case that the analyst side has not acknowledged:
     * signals and places of a withdrawn case must not leave. That includes leased ones, whose lease would otherwise
     * run out (a puller that crashed with one) and offer them again after the withdrawal. The analyst side is told
     * to withdraw only when something may have reached it: a package acknowledged or leased. Signals the analysts
     * had shared from the case's items leave the bank of known signals in the same transaction (every node's index
     * follows within seconds).
     */
    void withdrawn(@Observes CaseWithdrawn withdrawn) {
        AnalystCase handedOver = record(cases.find(withdrawn.caseId()).orElseThrow());
        if (handedOver.withdrawn()) {
            bank.unshare(handedOver.itemReferences().stream().map(reference -> reference.value()).toList());
            String reference = handedOver.analystReference().value();
            int takenBack = outbox.discardUnclaimed(Topic.ANALYSTS, reference);
            outbox.discardClaimed(Topic.ANALYSTS, reference);
            if (handedOver.mayHaveReachedAnalysts(takenBack)) {
                outbox.queue(Topic.ANALYSTS, reference, PackageContents.CASE_WITHDRAWN,
                        PackageContents.withdrawn(handedOver), 0);
            }
        }
    }

    /**
     * The case goes with its account; the exchange's record of it goes too (with the case row), but the analyst
     * reference is remembered on its own, so results the analyst side still sends about it are ignored, not
     * refused as unknown.
     */
    void erased(@Observes CaseErased erased) {
        cases.find(erased.caseId()).ifPresent(reportCase -> em.persist(ErasedAnalystCase.of(
                reportCase.analystReference())));
    }

    /** A package waits for its hour to end ({@link PackageHoldBack}); a withdrawal goes at once. */
    private void queue(AnalystCase handedOver, String type, String payload, int priority) {
        outbox.queue(Topic.ANALYSTS, handedOver.analystReference().value(), type, payload, priority,
                holdBack.availableAt(priority > 0));
        handedOver.packageQueued();
    }

    private AnalystCase record(Case reportCase) {
        return em.find(AnalystCase.class, reportCase.analystReference().value());
    }
}
