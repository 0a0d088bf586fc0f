package org.reportremove.platform.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.PurgeSql;
import org.reportremove.platform.retention.PurgedRecords;
import org.reportremove.platform.retention.SqlPurge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes webhook deliveries that ended (delivered, or failed and not replayed) some days ago: what is left of them
 * is ids and outcomes, worth keeping only while an operator may still look or replay.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class FinishedDeliveries extends SqlPurge {

    static final String SELECT = "SELECT id FROM webhook_delivery WHERE state <> 'PENDING' AND finished_at < ?"
            + " ORDER BY finished_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    static final String DELETE = "DELETE FROM webhook_delivery WHERE id = ?";

    @Inject
    @ConfigProperty(name = "reportremove.retention.webhook-deliveries-days", defaultValue = "30")
    int days;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.WEBHOOK_DELIVERIES;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purge(connection, now, Duration.ofDays(days), max);
    }

    /** Removes at most {@code max} deliveries that ended more than {@code kept} before {@code now}. */
    public static int purge(Connection connection, Instant now, Duration kept, int max) throws SQLException {
        return PurgeSql.deleteSelected(connection, SELECT, now.minus(kept), max, DELETE);
    }
}
