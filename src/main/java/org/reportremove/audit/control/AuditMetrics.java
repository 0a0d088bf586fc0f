package org.reportremove.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.reportremove.platform.metrics.CachedReading;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The audit backlog: rows written and not yet sealed into the chain, and the oldest one's age. The sealer runs
 * every few seconds, so a backlog that grows or ages means sealing is failing or falling behind. Read through the
 * partial index on unsealed rows, cached for a few seconds.
 */
@ApplicationScoped
public class AuditMetrics {

    static final String UNSEALED = "reportremove_audit_unsealed";
    static final String OLDEST = "reportremove_audit_oldest_unsealed_seconds";

    private static final String BACKLOG = "SELECT COUNT(*), MIN(occurred_at) FROM audit_event WHERE seal_seq IS NULL";

    /** The backlog at the time of reading. */
    record Backlog(long rows, double oldestSeconds) {
    }

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private final CachedReading<Backlog> backlog = CachedReading.of(this::read, new Backlog(0, 0));

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName(UNSEALED)
                .withDescription("Audit rows waiting to be sealed into the chain").build(), this,
                metrics -> metrics.backlog.get().rows());
        registry.gauge(Metadata.builder().withName(OLDEST)
                .withDescription("Age of the oldest audit row waiting to be sealed (0 when none waits)").build(), this,
                metrics -> metrics.backlog.get().oldestSeconds());
    }

    private Backlog read() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(BACKLOG)) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            double age = oldest == null ? 0
                    : Math.max(0, Duration.between(oldest, OffsetDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0);
            return new Backlog(row.getLong(1), age);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit backlog could not be read", e);
        }
    }
}
