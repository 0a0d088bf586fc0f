package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.industry.entity.BatchOrder;
import org.reportremove.industry.entity.BatchOrder.Waiting;
import org.reportremove.industry.entity.BatchRelease;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes the waiting entries whose hour has ended, as one batch in an order that keeps each case's signals
 * apart ({@link BatchOrder}), each with the day of publication. An hour's signals thus join the feed together,
 * whatever minute each case was shared in. A batch of one case's signals only is held back until another case's
 * signals join it, at most {@code reportremove.industry.single-case.max-wait-hours} ({@link BatchRelease}). With the
 * hold-back off (tests, trying the service out) every waiting entry is due at once, whatever its case.
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

    @Inject
    @ConfigProperty(name = "reportremove.industry.single-case.max-wait-hours", defaultValue = "24")
    int singleCaseMaxWaitHours;

    /** @return how many entries joined the feed */
    @Transactional
    public int publishDue() {
        FeedHead.Locked locked = head.lock();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime before = holdBack ? now.truncatedTo(ChronoUnit.HOURS) : now.plusYears(1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT feed_id, batch_group, queued_hour FROM industry_feed_entry"
                + " WHERE added_seq IS NULL AND queued_hour < ?1").setParameter(1, before).getResultList();
        List<BatchRelease.Due> due = rows.stream().map(r -> new BatchRelease.Due((String) r[0], (String) r[1],
                instant(r[2]))).toList();
        List<BatchRelease.Due> released = holdBack
                ? BatchRelease.of(due, now.toInstant(), Duration.ofHours(singleCaseMaxWaitHours)) : due;
        if (released.isEmpty()) {
            if (!due.isEmpty()) {
                LOG.info(() -> "event=industry.publish entries=" + due.size() + " outcome=held-single-case");
            }
            return 0;
        }
        List<Waiting> ordered = BatchOrder.of(released.stream().map(d -> new Waiting(d.feedId(), d.group()))
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

    /** A timestamp column as the driver gives it (an OffsetDateTime from PostgreSQL, a Timestamp elsewhere). */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.temporal.TemporalAccessor accessor) {
            return Instant.from(accessor);
        }
        throw new IllegalStateException("queued_hour has an unexpected type");
    }
}
