package org.reportremove.agecheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.entity.ActorRole;

/**
 * Records that an attestation for an age check was refused. In a transaction of its own, because the
 * verification's transaction rolls back and must leave the age check exactly as it was.
 */
@ApplicationScoped
public class AgeCheckRefusals {

    @Inject
    AuditTrail trail;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String ageCheckId) {
        trail.record(ActorRole.SYSTEM, AgeChecks.ACTOR, "AGE_CHECK_REFUSED", AgeChecks.OBJECT_TYPE, ageCheckId);
    }
}
