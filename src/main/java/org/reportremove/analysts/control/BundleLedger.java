package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.bundle.Bundle;
import jakarta.enterprise.event.Event;
import org.reportremove.analysts.entity.AnalystBundleRecorded;
import org.reportremove.analysts.entity.BundleRecord;
import org.reportremove.platform.security.Actor;

/**
 * The record of bundles that crossed, each told as an event (the audit trail records it). An import is recorded after its contents were
 * applied: every line is idempotent, so an import cut short by a crash can simply be run again.
 */
@ApplicationScoped
public class BundleLedger {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Event<AnalystBundleRecorded> recorded;

    public boolean seen(String bundleId) {
        return em.find(BundleRecord.class, bundleId) != null;
    }

    /**
     * Records a bundle once, and tells it only when this call recorded it. When an import of the same bundle running
     * at the same moment records it first, this call's insert waits for that import's commit and fails on the key:
     * the call throws, and {@link #seen} then tells the caller that this is what happened.
     *
     * @return false when the bundle was recorded before this call looked
     */
    @Transactional
    public boolean record(Bundle.Manifest manifest, String direction, Actor actor) {
        if (seen(manifest.bundleId())) {
            return false;
        }
        em.persist(BundleRecord.of(manifest.bundleId(), direction, manifest.count(), manifest.bodySha256()));
        // Meet the key here, before the event is told, rather than at commit.
        em.flush();
        recorded.fire(new AnalystBundleRecorded(manifest.bundleId(), direction, actor));
        return true;
    }
}
