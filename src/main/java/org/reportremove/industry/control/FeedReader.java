package org.reportremove.industry.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.industry.entity.Checkpoint;
import org.reportremove.industry.entity.FeedChange;
import org.reportremove.industry.entity.FeedSignalType;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the feed for one platform's lists. Both reads are keyset reads in short statements of their own, never one
 * long transaction or cursor: a snapshot is the set as of one position (entries added up to it and not removed by
 * it), so pages read at different moments still make one consistent set; changes are read in position order from
 * a checkpoint.
 */
@ApplicationScoped
public class FeedReader {

    /** Rows per statement of a snapshot. */
    static final int SNAPSHOT_PAGE = 10_000;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** A page of changes, and the checkpoint that follows it. */
    public record Page(List<FeedChange> changes, Checkpoint next, boolean more) {
    }

    /** The last position every change up to which has committed. */
    public Checkpoint current() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT last_seq FROM industry_feed_head WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new Checkpoint(row.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("the feed's head could not be read", e);
        }
    }

    /** Changes after {@code from}, at most {@code limit}, oldest first. */
    public Page changesAfter(Checkpoint from, Collection<String> lists, int limit) {
        // The head is read first: every change up to it has committed, so a short page can move the checkpoint
        // to it (past changes of other lists) without skipping one of ours.
        Checkpoint head = current();
        String in = placeholders(lists.size());
        // Each half has its own ORDER BY and LIMIT, so each walks its position index and stops after a page: a
        // union sorted as a whole made PostgreSQL read and sort every change after an old checkpoint. The merge
        // then sorts at most two pages.
        String sql = "SELECT seq, feed_id, signal_type, signal_value, kind, change_day FROM ("
                + " SELECT * FROM (SELECT added_seq AS seq, feed_id, signal_type, signal_value, 'ADDED' AS kind,"
                + " added_day AS change_day FROM industry_feed_entry WHERE added_seq > ? AND added_seq <= ?"
                + " AND list_name IN (" + in + ") ORDER BY added_seq LIMIT ?) a"
                + " UNION ALL"
                + " SELECT * FROM (SELECT removed_seq AS seq, feed_id, signal_type, signal_value, 'REMOVED' AS kind,"
                + " removed_day AS change_day FROM industry_feed_entry WHERE removed_seq > ? AND removed_seq <= ?"
                + " AND list_name IN (" + in + ") ORDER BY removed_seq LIMIT ?) r) c ORDER BY seq LIMIT ?";
        List<FeedChange> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            for (int part = 0; part < 2; part++) {
                select.setLong(p++, from.position());
                select.setLong(p++, head.position());
                for (String list : lists) {
                    select.setString(p++, list);
                }
                select.setInt(p++, limit);
            }
            select.setInt(p, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new FeedChange(rows.getLong(1), rows.getString(2),
                            FeedSignalType.nameOf(rows.getString(3)), rows.getString(4),
                            FeedChange.Kind.valueOf(rows.getString(5)), rows.getDate(6).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the feed's changes could not be read", e);
        }
        boolean more = changes.size() == limit;
        Checkpoint next = more ? new Checkpoint(changes.get(changes.size() - 1).position())
                : new Checkpoint(Math.max(head.position(), from.position()));
        return new Page(changes, next, more);
    }

    /**
     * Hands every entry of the lists present at {@code at} to {@code line}, in the order they joined the feed (the
     * order of the changes, so it tells a platform nothing the changes did not), a page at a time. Positions follow
     * the table's physical order, so each page walks the position index over neighbouring heap pages instead of
     * reading ten thousand rows at random.
     */
    public long snapshot(Checkpoint at, Collection<String> lists, Consumer<FeedChange> line) {
        // The day as text: the driver hands a DATE over in binary and makes text or a date of it at a cost per row,
        // while the few distinct texts map to days through the cache below.
        String sql = "SELECT added_seq, feed_id, signal_type, signal_value, CAST(added_day AS VARCHAR(10))"
                + " FROM industry_feed_entry"
                + " WHERE added_seq > ? AND added_seq <= ? AND (removed_seq IS NULL OR removed_seq > ?)"
                + " AND list_name IN (" + placeholders(lists.size()) + ") ORDER BY added_seq LIMIT " + SNAPSHOT_PAGE;
        long after = 0;
        long count = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            // Types and days repeat from row to row: map each stored text once, not once a row.
            Map<String, String> typeNames = new HashMap<>();
            Map<String, LocalDate> days = new HashMap<>();
            while (true) {
                int p = 1;
                select.setLong(p++, after);
                select.setLong(p++, at.position());
                select.setLong(p++, at.position());
                for (String list : lists) {
                    select.setString(p++, list);
                }
                int read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        String type = typeNames.computeIfAbsent(rows.getString(3), FeedSignalType::nameOf);
                        LocalDate day = days.computeIfAbsent(rows.getString(5), LocalDate::parse);
                        line.accept(new FeedChange(after, rows.getString(2), type, rows.getString(4),
                                FeedChange.Kind.ADDED, day));
                        read++;
                    }
                }
                count += read;
                if (read < SNAPSHOT_PAGE) {
                    return count;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the feed's snapshot could not be read", e);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
