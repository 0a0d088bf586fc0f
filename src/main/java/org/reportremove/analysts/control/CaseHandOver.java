package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.cases.control.CaseDetails;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.ItemsAdded;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;

import java.util.List;
import java.util.Set;

/**
 * Hands cases over to the analyst side as they happen: on submission, on added items and on withdrawal it keeps
 * its own record ({@link AnalystCase}) and queues the hash-only package, in the transaction of the change itself,
 * so a package exists exactly when its change committed.
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

    void submitted(@Observes CaseSubmitted submitted) {
        Case reportCase = cases.find(submitted.caseId()).orElseThrow();
        em.persist(AnalystCase.handedOver(reportCase.analystReference(), reportCase.id(),
                reportCase.items().stream().map(Item::itemReference).toList()));
        outbox.queue(Topic.ANALYSTS, PackageContents.CASE_SUBMITTED,
                PackageContents.submitted(reportCase, submitted.age(), details.open(reportCase).locations()),
                !PackageContents.priorityFlags(reportCase, submitted.age()).isEmpty());
    }

    void itemsAdded(@Observes ItemsAdded added) {
        Case reportCase = cases.find(added.caseId()).orElseThrow();
        record(reportCase).itemsAdded(added.itemReferences());
        Set<String> references = Set.copyOf(added.itemReferences().stream().map(r -> r.value()).toList());
        List<Item> items = reportCase.items().stream()
                .filter(item -> references.contains(item.itemReference().value())).toList();
        outbox.queue(Topic.ANALYSTS, PackageContents.ITEMS_ADDED,
                PackageContents.itemsAdded(reportCase, added.age(), items),
                !PackageContents.priorityFlags(reportCase, added.age()).isEmpty());
    }

    void withdrawn(@Observes CaseWithdrawn withdrawn) {
        AnalystCase handedOver = record(cases.find(withdrawn.caseId()).orElseThrow());
        if (handedOver.withdrawn()) {
            outbox.queue(Topic.ANALYSTS, PackageContents.CASE_WITHDRAWN, PackageContents.withdrawn(handedOver));
        }
    }

    private AnalystCase record(Case reportCase) {
        return em.find(AnalystCase.class, reportCase.analystReference().value());
    }
}
