package org.reportremove.testing;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A copy of the service's sealed audit trail in a database of its own, for tests that must break the chain:
 * they change or delete rows in the copy, never in the database that the running service and every other test
 * share. The copy's database is created on the test run's PostgreSQL with the project's own migrations, so it
 * has the service's schema exactly; {@link #close()} drops it.
 */
public final class AuditTrailCopy implements AutoCloseable {

    private static final String COLUMNS =
            "id, occurred_at, actor_role, actor_id, action, object_type, object_id, seal_seq, chain_hash, out_of_order";

    private final String name;
    private final DataSource database;

    private AuditTrailCopy(String name, DataSource database) {
        this.name = name;
        this.database = database;
    }

    /**
     * Copies the chain as it stands in {@code source}: its head and every row sealed up to it, read in one
     * snapshot so that the sealer, which goes on running, cannot put the copy out of step.
     */
    public static AuditTrailCopy of(DataSource source) throws SQLException {
        String name = "audit_tamper_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = TestRun.postgres().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource copy = TestRun.postgres().getDatabase("postgres", name);
        Flyway.configure().dataSource(copy)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
        try (Connection from = source.getConnection(); Connection to = copy.getConnection()) {
            from.setAutoCommit(false);
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            to.setAutoCommit(false);
            long headSeq;
            try (Statement statement = from.createStatement();
                 ResultSet head = statement.executeQuery("SELECT seal_seq, chain_hash FROM audit_chain_head WHERE id = 1");
                 PreparedStatement update = to.prepareStatement(
                         "UPDATE audit_chain_head SET seal_seq = ?, chain_hash = ? WHERE id = 1")) {
                if (!head.next()) {
                    throw new IllegalStateException("the service's audit chain has no head");
                }
                headSeq = head.getLong(1);
                update.setLong(1, headSeq);
                update.setString(2, head.getString(2));
                update.executeUpdate();
            }
            try (PreparedStatement select = from.prepareStatement("SELECT " + COLUMNS + " FROM audit_event"
                    + " WHERE seal_seq IS NOT NULL AND seal_seq <= ? ORDER BY seal_seq");
                 PreparedStatement insert = to.prepareStatement("INSERT INTO audit_event (" + COLUMNS + ")"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                select.setLong(1, headSeq);
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    int batched = 0;
                    while (rows.next()) {
                        for (int c = 1; c <= 10; c++) {
                            // The time is chained: carry it as an instant with its offset, to the microsecond.
                            insert.setObject(c, c == 2 ? rows.getObject(c, OffsetDateTime.class) : rows.getObject(c));
                        }
                        insert.addBatch();
                        if (++batched % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            from.commit();
            to.commit();
        }
        return new AuditTrailCopy(name, copy);
    }

    /** The copy's database. */
    public DataSource database() {
        return database;
    }

    /** Changes the copy behind the chain's back; returns how many rows changed. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = TestRun.postgres().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
