package org.reportremove.platform.outbox;

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
 * Removes "you have a new message" notifications that no relay took for days: by then the young person has
 * opened the app or will see the message when they do. Delivered messages are deleted when acknowledged, so nothing
 * else waits here once delivered; packages for the analysts and safeguarding flags are never dropped for age
 * (they leave with their case), and their backlog is what the outbox metrics show.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class StaleNotifications extends SqlPurge {

    static final String SELECT = "SELECT id FROM outbox_message WHERE topic = 'NOTIFICATIONS' AND created_at < ?"
            + " ORDER BY created_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    static final String DELETE = "DELETE FROM outbox_message WHERE id = ?";

    @Inject
    @ConfigProperty(name = "reportremove.retention.notifications-days", defaultValue = "7")
    int days;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.OUTBOX_MESSAGES;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purge(connection, now, Duration.ofDays(days), max);
    }

    /** Removes at most {@code max} notifications queued more than {@code kept} before {@code now}. */
    public static int purge(Connection connection, Instant now, Duration kept, int max) throws SQLException {
        return PurgeSql.deleteSelected(connection, SELECT, now.minus(kept), max, DELETE);
    }
}
