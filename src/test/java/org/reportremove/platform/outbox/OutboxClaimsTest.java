package org.reportremove.platform.outbox;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox claim on the test run's PostgreSQL (a database of its own) and on H2: concurrent claimers never get
 * the same message, a lapsed lease frees a message, and only the current claimer can acknowledge it.
 */
class OutboxClaimsTest {

    @Test
    void concurrentClaimersOnPostgresqlNeverGetTheSameMessage() throws Exception {
        DataSource database = freshPostgresql();
        int messages = 400;
        insert(database::getConnection, messages, Topic.ANALYSTS);
        insert(database::getConnection, 5, Topic.HELPLINE);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> claimers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            claimers.add(pool.submit(claimUntilEmpty(database, start)));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> claimer : claimers) {
            all.addAll(claimer.get());
        }
        pool.shutdown();

        assertEquals(messages, all.size(), "every message claimed once");
        assertEquals(messages, new HashSet<>(all).size(), "no message claimed twice");
        assertTrue(claimers.stream().filter(f -> {
            try {
                return !f.get().isEmpty();
            } catch (Exception e) {
                return false;
            }
        }).count() > 1, "the claimers worked side by side, not one after another");
        try (Connection connection = database.getConnection(); Statement s = connection.createStatement()) {
            var rows = s.executeQuery("SELECT COUNT(*) FROM outbox_message WHERE topic = 'HELPLINE'");
            rows.next();
            assertEquals(5, rows.getInt(1), "another topic's messages are left alone");
        }
    }

    @Test
    void aMessageHeldBackIsNotClaimedBeforeItsTimeOnPostgresqlAndH2() throws Exception {
        DataSource postgresql = freshPostgresql();
        String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        for (Connections connections : List.<Connections>of(postgresql::getConnection,
                () -> DriverManager.getConnection(url, "sa", ""))) {
            OffsetDateTime queued = OffsetDateTime.parse("2026-05-01T18:10:07Z");
            OffsetDateTime releasedAt = OffsetDateTime.parse("2026-05-01T19:04:31Z");
            try (Connection connection = connections.open();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message (id, topic,"
                         + " message_type, payload, created_at, available_at, attempts) VALUES (?, 'ANALYSTS', 'TEST',"
                         + " ?, ?, ?, 0)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setBytes(2, new byte[]{1});
                insert.setObject(3, queued);
                insert.setObject(4, releasedAt);
                insert.executeUpdate();
            }
            try (Connection connection = connections.open()) {
                assertEquals(0, OutboxClaims.claim(connection, Topic.ANALYSTS, 10, Duration.ofMinutes(5),
                        queued.plusSeconds(5)).size(), "not seconds after it was queued");
                assertEquals(0, OutboxClaims.claim(connection, Topic.ANALYSTS, 10, Duration.ofMinutes(5),
                        releasedAt.minusSeconds(1)).size(), "not a second early");
                assertEquals(1, OutboxClaims.claim(connection, Topic.ANALYSTS, 10, Duration.ofMinutes(5),
                        releasedAt).size(), "from its time on");
            }
        }
    }

    @Test
    void aLapsedLeaseFreesTheMessageAndOnlyTheNewClaimerCanAcknowledgeIt() throws Exception {
        String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        insert(() -> DriverManager.getConnection(url, "sa", ""), 1, Topic.ANALYSTS);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            List<OutboxClaims.Claimed> first = OutboxClaims.claim(connection, Topic.ANALYSTS, 10, Duration.ZERO);
            assertEquals(1, first.size());
            assertEquals(1, first.get(0).attempts());
            Thread.sleep(5);

            List<OutboxClaims.Claimed> second = OutboxClaims.claim(connection, Topic.ANALYSTS, 10, Duration.ofMinutes(5));
            assertEquals(1, second.size(), "the first lease ran out");
            assertEquals(2, second.get(0).attempts());
            assertTrue(OutboxClaims.claim(connection, Topic.ANALYSTS, 10, Duration.ofMinutes(5)).isEmpty(),
                    "a leased message is not claimed again");

            assertFalse(OutboxClaims.acknowledge(connection, first.get(0).id(), first.get(0).claimToken()));
            assertTrue(OutboxClaims.acknowledge(connection, second.get(0).id(), second.get(0).claimToken()));
        }
    }

    private static Callable<List<String>> claimUntilEmpty(DataSource database, CountDownLatch start) {
        return () -> {
            start.await();
            List<String> claimed = Collections.synchronizedList(new ArrayList<>());
            try (Connection connection = database.getConnection()) {
                connection.setAutoCommit(false);
                while (true) {
                    List<OutboxClaims.Claimed> batch = OutboxClaims.claim(connection, Topic.ANALYSTS, 7,
                            Duration.ofMinutes(5));
                    // Hold the row locks a moment, as a worker does while it sends, so claimers overlap.
                    Thread.sleep(2);
                    connection.commit();
                    if (batch.isEmpty()) {
                        return claimed;
                    }
                    batch.forEach(message -> claimed.add(message.id()));
                }
            }
        };
    }

    private static DataSource freshPostgresql() throws SQLException {
        return TestRun.migratedDatabase("outbox");
    }

    private interface Connections {
        Connection open() throws SQLException;
    }

    private static void insert(Connections connections, int count, Topic topic) throws SQLException {
        try (Connection connection = connections.open();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message (id, topic,"
                     + " message_type, payload, created_at, available_at, attempts) VALUES (?, ?, 'TEST', ?, ?, ?, 0)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, topic.name());
                insert.setBytes(3, new byte[]{1, 2, 3});
                insert.setObject(4, now.minusSeconds(count - i));
                insert.setObject(5, now.minusSeconds(1));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
