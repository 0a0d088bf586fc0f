package org.reportremove.platform.webhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The purge of finished webhook deliveries on the test run's PostgreSQL (a database of its own): deliveries that
 * ended long enough ago go, whether delivered or failed; recent ones and pending ones stay.
 */
class FinishedDeliveriesTest {

    private static final Duration KEPT = Duration.ofDays(30);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private DataSource database;

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = TestRun.migratedDatabase("webhooks");
    }

    @Test
    void deliveriesThatEndedLongAgoGoAndTheOthersStay() throws Exception {
        try (Connection c = database.getConnection()) {
            String oldDelivered = delivery(c, "DELIVERED", 31);
            String oldFailed = delivery(c, "FAILED", 31);
            String recentFailed = delivery(c, "FAILED", 29);
            String pending = delivery(c, "PENDING", -1);

            assertEquals(0, FinishedDeliveries.ROWS.purge(c, now.minus(Duration.ofDays(2)).minus(KEPT), 500),
                    "at an earlier now nothing is due yet");
            assertEquals(2, FinishedDeliveries.ROWS.purge(c, now.minus(KEPT), 500));

            assertEquals(0, count(c, oldDelivered));
            assertEquals(0, count(c, oldFailed));
            assertEquals(1, count(c, recentFailed), "a failed delivery stays replayable for the period");
            assertEquals(1, count(c, pending), "a pending delivery is never purged");
        }
    }

    /** A delivery in {@code state} that ended {@code daysAgo} days ago (not ended when negative). */
    private String delivery(Connection c, String state, int daysAgo) throws SQLException {
        String id = FanOut.newId();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_delivery (id, message_id, partner,"
                + " event_type, subject_id, state, attempts, queued_at, next_attempt_at, finished_at)"
                + " VALUES (?, ?, 'helpline', 'notification.due', 'n-1', ?, 1, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, state);
            insert.setObject(4, now.minus(Duration.ofDays(40)).atOffset(ZoneOffset.UTC));
            insert.setObject(5, now.atOffset(ZoneOffset.UTC));
            insert.setObject(6, daysAgo < 0 ? null : now.minus(Duration.ofDays(daysAgo)).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }

    private static long count(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM webhook_delivery WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
