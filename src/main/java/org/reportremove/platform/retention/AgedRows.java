package org.reportremove.platform.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows of one table that a purge removes once a timestamp of theirs is past a cutoff: the table, the key
 * columns a row is deleted by, the timestamp, and any further condition a row must meet. From these it writes the
 * SQL of {@link PurgeSql}: the oldest rows first, locked, passing over rows someone else holds.
 *
 * @param table     the table the rows live in
 * @param keys      the columns that name one row
 * @param timestamp the column compared with the cutoff (and the order the oldest go first in)
 * @param condition a further SQL condition on the rows, or {@code null} for none; fixed text, never a value
 */
public record AgedRows(String table, List<String> keys, String timestamp, String condition) {

    public AgedRows {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A row is deleted by at least one key column");
        }
    }

    /** The rows of {@code table}, named by {@code keys}, whose {@code timestamp} is before the cutoff. */
    public static AgedRows of(String table, String timestamp, String... keys) {
        return new AgedRows(table, List.of(keys), timestamp, null);
    }

    /** These rows, those of them that also meet {@code sqlCondition}. */
    public AgedRows where(String sqlCondition) {
        return new AgedRows(table, keys, timestamp, sqlCondition);
    }

    /** Takes the cutoff and the row limit, and returns the key columns. */
    public String select() {
        return "SELECT " + String.join(", ", keys) + " FROM " + table + " WHERE "
                + (condition == null ? "" : condition + " AND ") + timestamp + " < ?"
                + " ORDER BY " + timestamp + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    }

    /** Takes the key columns, in the order {@link #select()} returns them. */
    public String delete() {
        return "DELETE FROM " + table + " WHERE "
                + keys.stream().map(key -> key + " = ?").collect(Collectors.joining(" AND "));
    }

    /**
     * Removes at most {@code max} of these rows whose timestamp is before {@code cutoff}, on a connection the
     * caller commits.
     *
     * @return how many were removed; fewer than {@code max} means nothing more is due
     */
    public int purge(Connection connection, Instant cutoff, int max) throws SQLException {
        return PurgeSql.deleteSelected(connection, select(), cutoff, max, delete());
    }
}
