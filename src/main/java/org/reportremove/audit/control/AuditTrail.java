package org.reportremove.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.audit.entity.AuditAction;
import org.reportremove.audit.entity.AuditEntry;
import org.reportremove.platform.crypto.Digests;
import org.reportremove.platform.security.Actor;

import java.util.regex.Pattern;

/**
 * Records what was done, in the transaction of the change itself: if the change rolls back, so does its entry,
 * and no change commits without one. The insert takes no lock; the sealer chains it shortly after.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(AuditAction action, Actor actor, String objectId) {
        AuditEntry entry = new AuditEntry(actor.role(), actorIdOf(actor.id()), action.name(),
                action.objectType().name(), objectId);
        em.persist(entry);
        em.flush();
        return entry;
    }

    /**
     * Actor ids come from token subjects. One that is not a plain id is stored as a digest, so the trail can
     * still tell actors apart without holding anything that might be a name or an address.
     */
    static String actorIdOf(String subject) {
        if (subject != null && PLAIN_ID.matcher(subject).matches()) {
            return subject;
        }
        return "sha256:" + Digests.sha256Hex(String.valueOf(subject)).substring(0, 32);
    }
}
