package org.reportremove.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.auth.entity.UsedClientAssertion;
import org.reportremove.platform.crypto.Digests;

import java.time.Instant;

/**
 * Remembers client assertion ids until they expire, so a captured assertion cannot be replayed.
 */
@ApplicationScoped
public class UsedAssertions {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    UsedAssertions self;

    /** False when this client used this jti before. */
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        try {
            self.record(Digests.sha256Hex(clientId + "\n" + jti), expiresAt);
            return true;
        } catch (RuntimeException e) {
            // Seen before, or inserted by a concurrent request with the same assertion a moment ago (a unique
            // key violation). Any other failure, such as the database being down, is not a replay.
            if (causedBy(e, Replayed.class) || uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** In a transaction of its own: a duplicate id fails here, not in the caller's transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String key, Instant expiresAt) {
        if (em.find(UsedClientAssertion.class, key) != null) {
            throw new Replayed();
        }
        em.createQuery("DELETE FROM UsedClientAssertion u WHERE u.expiresAt < :now")
                .setParameter("now", UsedClientAssertion.at(Instant.now()))
                .executeUpdate();
        em.persist(new UsedClientAssertion(key, expiresAt));
        em.flush();
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static final class Replayed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Replayed() {
            super("client assertion used before", null, false, false);
        }
    }
}
