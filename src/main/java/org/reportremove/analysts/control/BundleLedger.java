package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.bundle.Bundle;
import org.reportremove.analysts.entity.BundleRecord;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.entity.ActorRole;

/**
 * The record of bundles that crossed, each with its audit entry. An import is recorded after its contents were
 * applied: every line is idempotent, so an import cut short by a crash can simply be run again.
 */
@ApplicationScoped
public class BundleLedger {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    AuditTrail audit;

    public boolean seen(String bundleId) {
        return em.find(BundleRecord.class, bundleId) != null;
    }

    /** Records a bundle once; a second import racing the first finds it recorded and records nothing. */
    @Transactional
    public void record(Bundle.Manifest manifest, String direction, ActorRole role, String actorId) {
        if (seen(manifest.bundleId())) {
            return;
        }
        em.persist(BundleRecord.of(manifest.bundleId(), direction, manifest.count(), manifest.bodySha256()));
        audit.record(role, actorId, "ANALYST_BUNDLE_" + direction, "ANALYST_BUNDLE", manifest.bundleId());
    }
}
