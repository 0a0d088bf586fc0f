package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.industry.entity.BatchOrder;
import org.reportremove.industry.entity.BatchOrder.Waiting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes the waiting entries whose hour has ended, as one batch in an order that keeps each case's signals
 * apart ({@link BatchOrder}), each with the day of publication. An hour's signals thus join the feed together,
 * whatever minute each case was shared in. With the hold-back off (tests, trying the service out) every waiting
 * entry is due at once.
 */
@ApplicationScoped
public class FeedPublisher {

    private static final Logger LOG = Logger.getLogger(FeedPublisher.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    FeedHead head;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reportremove.industry.hold-back.enabled", defaultValue = "true")
    boolean holdBack;

    /** @return how many entries joined the feed */
    @Transactional
    public int publishDue() {
        FeedHead.Locked locked = head.lock();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime before = holdBack ? now.truncatedTo(ChronoUnit.HOURS) : now.plusYears(1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT feed_id, batch_group FROM industry_feed_entry"
                + " WHERE added_seq IS NULL AND queued_hour < ?1").setParameter(1, before).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Waiting> ordered = BatchOrder.of(rows.stream().map(r -> new Waiting((String) r[0], (String) r[1]))
                .toList(), locked.lastGroup(), RANDOM);
        LocalDate today = now.toLocalDate();
        long position = locked.lastPosition();
        for (Waiting entry : ordered) {
            position++;
            em.createNativeQuery("UPDATE industry_feed_entry SET added_seq = ?1, added_day = ?2, queued_hour = NULL,"
                            + " batch_group = NULL WHERE feed_id = ?3").setParameter(1, position)
                    .setParameter(2, today).setParameter(3, entry.feedId()).executeUpdate();
        }
        head.moveTo(position, ordered.get(ordered.size() - 1).group());
        LOG.info(() -> "event=industry.published entries=" + ordered.size() + " outcome=published");
        return ordered.size();
    }
}
