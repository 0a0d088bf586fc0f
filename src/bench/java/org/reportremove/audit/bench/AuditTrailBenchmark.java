package org.reportremove.audit.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.reportremove.audit.control.AuditChain;
import org.reportremove.audit.control.AuditVerification;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit writes per second on a real PostgreSQL while the sealer runs every second, as in the service:
 * each write is its own committed transaction (one change and its entry), from 4 writer threads. At the end
 * the chain is verified and the sealer's worst backlog is printed, to show that sealing keeps up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class AuditTrailBenchmark {

    private static final int SEAL_BATCH = 5000;

    @State(Scope.Benchmark)
    public static class Trail {

        EmbeddedPostgres postgres;
        DataSource database;
        ScheduledExecutorService sealer;
        final AtomicLong ids = new AtomicLong();
        final AtomicLong worstBacklog = new AtomicLong();

        @Setup(Level.Trial)
        public void start() throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            database = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(database)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load().migrate();
            sealer = Executors.newSingleThreadScheduledExecutor();
            sealer.scheduleWithFixedDelay(this::sealPending, 1, 1, TimeUnit.SECONDS);
        }

        private void sealPending() {
            try (Connection connection = database.getConnection()) {
                worstBacklog.accumulateAndGet(unsealed(connection), Math::max);
                int sealed;
                do {
                    sealed = AuditChain.seal(connection, SEAL_BATCH).count();
                } while (sealed == SEAL_BATCH);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long unsealed(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM audit_event WHERE seal_seq IS NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            sealer.shutdown();
            sealer.awaitTermination(30, TimeUnit.SECONDS);
            try (Connection connection = database.getConnection()) {
                long left = unsealed(connection);
                sealPending();
                AuditVerification result = AuditChain.verify(connection, Duration.ofMinutes(1), Instant.now());
                System.out.printf("%naudit trail: %d rows written, worst unsealed backlog %d rows (sealer runs every"
                                + " second), %d left at the end, chain intact: %s (%d links)%n",
                        ids.get(), worstBacklog.get(), left, result.intact(), result.linksVerified());
            }
            postgres.close();
        }
    }

    @State(Scope.Thread)
    public static class Writer {

        Connection connection;
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void open(Trail trail) throws SQLException {
            connection = trail.database.getConnection();
            connection.setAutoCommit(true);
            insert = connection.prepareStatement(
                    "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id)"
                            + " VALUES (?, ?, 'YOUNG_PERSON', 'account-1', 'CASE_SUBMITTED', 'CASE', ?)");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public int writeAuditEntry(Trail trail, Writer writer) throws SQLException {
        long id = trail.ids.incrementAndGet();
        writer.insert.setLong(1, id);
        writer.insert.setTimestamp(2, Timestamp.from(Instant.now()));
        writer.insert.setString(3, "RR-" + id);
        return writer.insert.executeUpdate();
    }
}
