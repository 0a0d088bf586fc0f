package org.reportremove.industry.control;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportremove.industry.entity.Checkpoint;
import org.reportremove.industry.entity.FeedChange;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's reads on both databases the service runs on: PostgreSQL, and H2 in development mode, where a column
 * alias that is a keyword in H2 once broke every page of changes while the PostgreSQL tests passed. The same
 * entries give the same pages and snapshots on both.
 */
class FeedReaderTest {

    private static final String LIST = "lst-a";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void pagesOfChangesWalkEveryChangeOfTheListsInOrderAndStopAtTheHead(String database) throws SQLException {
        FeedReader reader = readerOf(database);
        assertEquals(new Checkpoint(5), reader.current());

        FeedReader.Page first = reader.changesAfter(new Checkpoint(0), List.of(LIST), 2);
        assertEquals(List.of(added(1, "e1", MONDAY), added(2, "e2", MONDAY)), first.changes());
        assertTrue(first.more());
        FeedReader.Page second = reader.changesAfter(first.next(), List.of(LIST), 2);
        assertEquals(List.of(new FeedChange(4, "e2", "sha256", value("e2"), FeedChange.Kind.REMOVED, TUESDAY),
                added(5, "e4", TUESDAY)), second.changes(), "a removal comes at its own position");
        FeedReader.Page last = reader.changesAfter(second.next(), List.of(LIST), 2);
        assertEquals(List.of(), last.changes());
        assertFalse(last.more());
        assertEquals(new Checkpoint(5), last.next());

        FeedReader.Page otherList = reader.changesAfter(new Checkpoint(0), List.of("lst-b"), 10);
        assertEquals(List.of(added(3, "e3", MONDAY)), otherList.changes(), "only the lists asked for");
        assertEquals(new Checkpoint(5), otherList.next(), "a short page moves the checkpoint to the head");
        assertEquals(5, reader.changesAfter(new Checkpoint(0), List.of(LIST, "lst-b"), 10).changes().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aSnapshotHoldsWhatTheListsHeldAtItsCheckpoint(String database) throws SQLException {
        FeedReader reader = readerOf(database);
        assertEquals(List.of("e1", "e4"), snapshot(reader, 5, Set.of(LIST)));
        assertEquals(List.of("e1", "e2"), snapshot(reader, 3, Set.of(LIST)), "e2 was removed only at 4");
        assertEquals(List.of("e1", "e3", "e4"), snapshot(reader, 5, Set.of(LIST, "lst-b")));
        List<FeedChange> lines = new ArrayList<>();
        reader.snapshot(new Checkpoint(5), List.of(LIST), lines::add);
        assertEquals(List.of(added(1, "e1", MONDAY), added(5, "e4", TUESDAY)), lines);
    }

    private static List<String> snapshot(FeedReader reader, long at, Set<String> lists) {
        List<String> ids = new ArrayList<>();
        long count = reader.snapshot(new Checkpoint(at), lists, line -> ids.add(line.id()));
        assertEquals(ids.size(), count);
        return ids;
    }

    private static FeedChange added(long position, String id, LocalDate day) {
        return new FeedChange(position, id, "sha256", value(id), FeedChange.Kind.ADDED, day);
    }

    private static String value(String id) {
        return (id + "0".repeat(64)).substring(0, 64).replace('e', 'a');
    }

    /**
     * A reader over a fresh database of the kind named: four published entries on two lists, one of them removed
     * later, and the head at the last position.
     */
    private static FeedReader readerOf(String kind) throws SQLException {
        DataSource database;
        if (kind.equals("h2")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL("jdbc:h2:mem:feed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            Flyway.configure().dataSource(h2)
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
            database = h2;
        } else {
            database = TestRun.migratedDatabase("feed");
        }
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO industry_feed_entry (feed_id,"
                     + " list_name, signal_type, signal_value, added_seq, added_day, removed_seq, removed_day)"
                     + " VALUES (?, ?, 'SHA256', ?, ?, ?, ?, ?)");
             PreparedStatement head = connection.prepareStatement(
                     "UPDATE industry_feed_head SET last_seq = 5 WHERE id = 1")) {
            entry(insert, "e1", LIST, 1, MONDAY, null, null);
            entry(insert, "e2", LIST, 2, MONDAY, 4L, TUESDAY);
            entry(insert, "e3", "lst-b", 3, MONDAY, null, null);
            entry(insert, "e4", LIST, 5, TUESDAY, null, null);
            head.executeUpdate();
        }
        FeedReader reader = new FeedReader();
        reader.dataSource = database;
        return reader;
    }

    private static void entry(PreparedStatement insert, String id, String list, long added, LocalDate addedOn,
                              Long removed, LocalDate removedOn) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, list);
        insert.setString(3, value(id));
        insert.setLong(4, added);
        insert.setObject(5, addedOn);
        insert.setObject(6, removed);
        insert.setObject(7, removedOn);
        insert.executeUpdate();
    }
}
