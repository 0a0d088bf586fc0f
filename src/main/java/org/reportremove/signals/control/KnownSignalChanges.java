package org.reportremove.signals.control;

import org.reportremove.signals.entity.SignalType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bank's change log ({@code known_signal_change}), in SQL on a connection the caller holds: whatever adds a
 * value to the bank or removes one writes a row here in the same transaction, and every node follows the log to
 * keep its index fresh. A row names the value that changed, not how: a follower reads the bank's row again
 * ({@link #current}), so rows read twice or out of order still leave it agreeing with the bank.
 */
final class KnownSignalChanges {

    /** Values asked about in one statement. */
    private static final int IN_LIST = 500;

    private KnownSignalChanges() {
    }

    /** One change: its sequence number and the value it touched (type null for a kind not known here). */
    record Change(long sequence, SignalType type, String value) {
    }

    /** What the bank holds for a value now: whether it is there, and its quality. */
    record Row(boolean present, Integer quality) {
    }

    /** Adds one change row per value to the caller's batch statement and runs it. */
    static void record(Connection connection, SignalType type, Collection<String> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO known_signal_change"
                + " (signal_type, signal_value, changed_at) VALUES (?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (String value : values) {
                insert.setString(1, type.name());
                insert.setString(2, value);
                insert.setObject(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The highest sequence number whose change is older than {@code settledSeconds}: a node that starts loading the
     * bank follows the log from there, so a change whose transaction was still open while the bank was read is
     * applied afterwards.
     */
    static long settled(Connection connection, int settledSeconds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0)"
                + " FROM known_signal_change WHERE changed_at < ?")) {
            select.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(settledSeconds));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The highest sequence number written so far (0 for none): how far a node is behind, for the metrics. */
    static long latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0)"
                + " FROM known_signal_change");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Up to {@code limit} changes above {@code after}, in order. */
    static List<Change> after(Connection connection, long after, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, signal_type, signal_value"
                + " FROM known_signal_change WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setLong(1, after);
            return read(select);
        }
    }

    /** The changes among these sequence numbers that are visible now. */
    static List<Change> among(Connection connection, Collection<Long> sequences) throws SQLException {
        List<Change> changes = new ArrayList<>();
        List<Long> all = List.copyOf(sequences);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, signal_type, signal_value"
                    + " FROM known_signal_change WHERE seq IN (" + marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    select.setLong(i + 1, part.get(i));
                }
                changes.addAll(read(select));
            }
        }
        return changes;
    }

    /** The bank's rows for these values of one kind now; a value it does not hold maps to an absent row. */
    static Map<String, Row> current(Connection connection, SignalType type, Collection<String> values)
            throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        List<String> all = List.copyOf(values);
        all.forEach(value -> rows.put(value, new Row(false, null)));
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            try (PreparedStatement select = connection.prepareStatement("SELECT signal_value, quality"
                    + " FROM known_signal WHERE signal_type = ? AND signal_value IN (" + marks(part.size()) + ")")) {
                select.setString(1, type.name());
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 2, part.get(i));
                }
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        int quality = found.getInt(2);
                        rows.put(found.getString(1), new Row(true, found.wasNull() ? null : quality));
                    }
                }
            }
        }
        return rows;
    }

    private static List<Change> read(PreparedStatement select) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                // A kind this version does not know (written by a newer node) is seen, and skipped when applied.
                changes.add(new Change(rows.getLong(1), SignalType.named(rows.getString(2)).orElse(null),
                        rows.getString(3)));
            }
        }
        return changes;
    }

    private static String marks(int count) {
        return java.util.stream.Stream.generate(() -> "?").limit(count).collect(Collectors.joining(","));
    }
}
