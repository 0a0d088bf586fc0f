package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.analysts.entity.AnalystPackageDelivered;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records that the analyst side acknowledged a package about a case, and tells it. Runs after the package left the
 * outbox, in a transaction of its own: should it fail, the package is still delivered, and the case's next
 * acknowledgement or result tells the same.
 */
@ApplicationScoped
public class PackageDeliveries {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AnalystCaseHold hold;

    @Inject
    Event<AnalystPackageDelivered> delivered;

    /** @param analystReference what the acknowledged package was about; nothing happens for an unknown one */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String analystReference) {
        AnalystCase handedOver = hold.hold(analystReference);
        if (handedOver == null || !handedOver.open()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        handedOver.delivered(now);
        delivered.fire(new AnalystPackageDelivered(handedOver.caseId(), now));
    }
}
