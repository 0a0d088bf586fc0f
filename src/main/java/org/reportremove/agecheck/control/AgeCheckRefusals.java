package org.reportremove.agecheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.agecheck.entity.AgeCheckRefused;

/**
 * Tells that an attestation for an age check was refused. In a transaction of its own, because the
 * verification's transaction rolls back and must leave the age check exactly as it was, while observers of the
 * refusal (the audit trail) commit theirs.
 */
@ApplicationScoped
public class AgeCheckRefusals {

    @Inject
    Event<AgeCheckRefused> refused;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String ageCheckId) {
        refused.fire(new AgeCheckRefused(ageCheckId));
    }
}
