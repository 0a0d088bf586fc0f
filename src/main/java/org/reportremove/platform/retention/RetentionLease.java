package org.reportremove.platform.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A database-level lease on the retention run, so that of several nodes whose schedules fire at once only one
 * purges (they would otherwise delete the same rows and wait on each other's locks). The lease is one row; taking
 * it is a conditional update that only one transaction can win. A node that dies holding it frees it when it runs
 * out.
 */
@ApplicationScoped
public class RetentionLease {

    static final String RUN = "retention";

    /** Who holds the lease: this node, for as long as the application runs. */
    private final String holder = UUID.randomUUID().toString();

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    /** Takes the lease until {@code now + length} if nobody else holds it at {@code now}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(Instant now, Duration length) {
        return em.createNativeQuery("UPDATE retention_lease SET holder = ?, held_until = ?"
                        + " WHERE name = ? AND (held_until < ? OR holder = ?)")
                .setParameter(1, holder)
                .setParameter(2, now.plus(length).atOffset(ZoneOffset.UTC))
                .setParameter(3, RUN)
                .setParameter(4, now.atOffset(ZoneOffset.UTC))
                .setParameter(5, holder)
                .executeUpdate() == 1;
    }

    /** Gives the lease back, so the next run need not wait for it to run out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Instant now) {
        em.createNativeQuery("UPDATE retention_lease SET held_until = ? WHERE name = ? AND holder = ?")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, RUN)
                .setParameter(3, holder)
                .executeUpdate();
    }
}
