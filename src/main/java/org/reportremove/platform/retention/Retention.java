package org.reportremove.platform.retention;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once an hour, on the one node that takes the {@link RetentionLease}, runs every {@link Purge} in batches until
 * nothing more is due. Short transactions keep the rows a batch locks few and briefly held.
 */
@Singleton
// Each batch commits on its own; a transaction around the whole run would only hold a connection and time out.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    /** Longer than any run should take; a run that takes longer stops at its next batch. */
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    RetentionLease lease;

    @Inject
    Instance<Purge> purges;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "reportremove.retention.batch-size", defaultValue = "500")
    int batchSize;

    @Schedule(hour = "*", minute = "23", persistent = false, info = "retention")
    void scheduled() {
        try {
            run(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=retention.failed outcome=" + e.getClass().getSimpleName());
        }
    }

    /**
     * Purges what is due at {@code now}, if this node gets the lease.
     *
     * @return how many records of each kind were removed; empty when another node holds the lease
     */
    public Map<PurgedRecords, Integer> run(Instant now) {
        Map<PurgedRecords, Integer> removed = new EnumMap<>(PurgedRecords.class);
        if (!lease.take(now, LEASE)) {
            LOG.fine("event=retention.skipped outcome=lease-held-elsewhere");
            return removed;
        }
        Instant deadline = clock.instant().plus(LEASE);
        try {
            for (Purge purge : purges) {
                int total = 0;
                int batch;
                do {
                    batch = purge.purgeBatch(now, batchSize);
                    total += batch;
                } while (batch >= batchSize && clock.instant().isBefore(deadline));
                removed.merge(purge.what(), total, Integer::sum);
            }
        } finally {
            lease.release(clock.instant());
        }
        removed.forEach((what, count) -> {
            registry.counter(Metadata.builder().withName("reportremove_retention_purged")
                    .withDescription("Records removed past their retention, by kind").build(),
                    new Tag("kind", what.name())).inc(count);
            if (count > 0) {
                LOG.info(() -> "event=retention.purged what=" + what + " count=" + count);
            }
        });
        return removed;
    }
}
