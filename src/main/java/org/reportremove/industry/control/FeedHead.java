package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The feed's last handed-out position, a single row. Whoever gives entries positions (a publication, a withdrawal)
 * locks it first and moves it in the same transaction, so positions commit in the order they were given and a
 * reader that has seen position n has seen every position before it.
 */
@ApplicationScoped
public class FeedHead {

    /** The head, locked until the transaction ends. */
    public record Locked(long lastPosition, String lastGroup) {
    }

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT last_seq, last_group FROM industry_feed_head WHERE id = 1 FOR UPDATE").getSingleResult();
        return new Locked(((Number) row[0]).longValue(), (String) row[1]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTo(long lastPosition, String lastGroup) {
        em.createNativeQuery("UPDATE industry_feed_head SET last_seq = ?1, last_group = ?2 WHERE id = 1")
                .setParameter(1, lastPosition).setParameter(2, lastGroup).executeUpdate();
    }

    /** The last position, without a lock: every change up to it has committed. */
    public long lastPosition() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM industry_feed_head WHERE id = 1")
                .getSingleResult()).longValue();
    }
}
