package org.reportremove.platform.retention;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shared shape of the purges, on a table of its own in an H2 database: rows past the cutoff go, oldest first
 * and at most a batch at a time, only those that meet the further condition, each deleted by its whole key.
 */
class AgedRowsTest {

    private static final AgedRows ROWS = AgedRows.of("aged", "made_at", "owner", "name").where("kind = 'OLD'");

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Connection connection;

    @BeforeEach
    void freshTable() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:aged-" + UUID.randomUUID(), "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE aged (owner VARCHAR(10), name VARCHAR(10), kind VARCHAR(10),"
                    + " made_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (owner, name))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theSqlNamesTheTableTheKeysTheTimestampAndTheCondition() {
        assertEquals("SELECT owner, name FROM aged WHERE kind = 'OLD' AND made_at < ? ORDER BY made_at"
                + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", ROWS.select());
        assertEquals("DELETE FROM aged WHERE owner = ? AND name = ?", ROWS.delete());
        assertEquals("SELECT id FROM t WHERE at < ? ORDER BY at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED",
                AgedRows.of("t", "at", "id").select(), "without a condition only the cutoff selects");
    }

    @Test
    void rowsPastTheCutoffGoOldestFirstInBatchesAndTheOthersStay() throws SQLException {
        row("a", "x", "OLD", 30);
        row("a", "y", "OLD", 20);
        row("b", "x", "OLD", 10);
        row("b", "y", "OLD", 1);
        row("c", "x", "NEW", 30);

        Instant cutoff = now.minus(5, ChronoUnit.DAYS);
        assertEquals(2, ROWS.purge(connection, cutoff, 2));
        assertEquals(List.of("b/x", "b/y", "c/x"), remaining(), "the two oldest went first");
        assertEquals(1, ROWS.purge(connection, cutoff, 2), "fewer than the batch: nothing more is due");
        assertEquals(0, ROWS.purge(connection, cutoff, 2));
        assertEquals(List.of("b/y", "c/x"), remaining(),
                "a recent row and a row that does not meet the condition stay");
    }

    @Test
    void aRowIsDeletedByItsWholeKey() throws SQLException {
        row("a", "x", "OLD", 30);
        row("a", "y", "OLD", 1);
        row("b", "x", "OLD", 1);

        assertEquals(1, ROWS.purge(connection, now.minus(5, ChronoUnit.DAYS), 10));
        assertEquals(List.of("a/y", "b/x"), remaining());
    }

    @Test
    void rowsWithoutAKeyCannotBeNamed() {
        assertThrows(IllegalArgumentException.class, () -> AgedRows.of("aged", "made_at"));
    }

    private void row(String owner, String name, String kind, int daysOld) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO aged VALUES (?, ?, ?, ?)")) {
            insert.setString(1, owner);
            insert.setString(2, name);
            insert.setString(3, kind);
            insert.setObject(4, now.minus(daysOld, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private List<String> remaining() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet result = select.executeQuery("SELECT owner, name FROM aged ORDER BY owner, name")) {
            while (result.next()) {
                rows.add(result.getString(1) + "/" + result.getString(2));
            }
        }
        return rows;
    }
}
