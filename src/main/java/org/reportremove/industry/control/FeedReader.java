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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
        String sql = "SELECT seq, feed_id, signal_type, signal_value, kind, day FROM ("
                + " SELECT added_seq AS seq, feed_id, signal_type, signal_value, 'ADDED' AS kind, added_day AS day"
                + " FROM industry_feed_entry WHERE added_seq > ? AND added_seq <= ? AND list_name IN (" + in + ")"
                + " UNION ALL"
                + " SELECT removed_seq AS seq, feed_id, signal_type, signal_value, 'REMOVED' AS kind,"
                + " removed_day AS day FROM industry_feed_entry WHERE removed_seq > ? AND removed_seq <= ?"
                + " AND list_name IN (" + in + ")) c ORDER BY seq LIMIT ?";
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
     * Hands every entry of the lists present at {@code at} to {@code line}, in feed id order (random, so it says
     * nothing of cases or times), a page at a time.
     */
    public long snapshot(Checkpoint at, Collection<String> lists, Consumer<FeedChange> line) {
        String sql = "SELECT feed_id, signal_type, signal_value, added_day FROM industry_feed_entry"
                + " WHERE feed_id > ? AND added_seq <= ? AND (removed_seq IS NULL OR removed_seq > ?)"
                + " AND list_name IN (" + placeholders(lists.size()) + ") ORDER BY feed_id LIMIT " + SNAPSHOT_PAGE;
        String after = "";
        long count = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            while (true) {
                int p = 1;
                select.setString(p++, after);
                select.setLong(p++, at.position());
                select.setLong(p++, at.position());
                for (String list : lists) {
                    select.setString(p++, list);
                }
                int read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getString(1);
                        line.accept(new FeedChange(0, after, FeedSignalType.nameOf(rows.getString(2)),
                                rows.getString(3), FeedChange.Kind.ADDED, rows.getDate(4).toLocalDate()));
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
