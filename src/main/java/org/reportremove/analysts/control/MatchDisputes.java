package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.analysts.entity.PriorityFlag;
import org.reportremove.cases.control.Cases;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * Queues a platform's dispute of a shared signal for the analyst side to look at again, first of all packages
 * ({@link PriorityFlag#DISPUTED_MATCH}): the analyst reference and the item, the reason code, the hour. Never which
 * platform, nor the signal itself (the analyst side holds the item's signals already).
 */
@ApplicationScoped
public class MatchDisputes {

    public static final String MATCH_DISPUTED = "MATCH_DISPUTED";

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    Outbox outbox;

    @Inject
    PackageHoldBack holdBack;

    /** @return false when the case is no longer with the analyst side (withdrawn or gone) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(String caseId, String itemReference, String reasonCode) {
        AnalystCase handedOver = cases.find(caseId)
                .map(c -> em.find(AnalystCase.class, c.analystReference().value())).orElse(null);
        if (handedOver == null || !handedOver.open()) {
            return false;
        }
        String reference = handedOver.analystReference().value();
        String payload = JSON.createObjectBuilder()
                .add("type", MATCH_DISPUTED)
                .add("analystReference", reference)
                .add("hour", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).toString())
                .add("priorityFlags", JSON.createArrayBuilder().add(PriorityFlag.DISPUTED_MATCH.name()))
                .add("itemReferences", JSON.createArrayBuilder().add(itemReference))
                .add("reasonCode", reasonCode)
                .build().toString();
        int rank = PriorityFlag.rank(Set.of(PriorityFlag.DISPUTED_MATCH));
        outbox.queue(Topic.ANALYSTS, reference, MATCH_DISPUTED, payload, rank, holdBack.availableAt(true));
        handedOver.packageQueued();
        return true;
    }
}
