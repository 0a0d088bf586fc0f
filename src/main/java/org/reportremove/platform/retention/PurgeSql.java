package org.reportremove.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one shape every purge has, on a connection the caller commits: select the keys of at most {@code max} rows
 * past a cutoff (locking them, and passing over rows someone else holds), then delete those rows by key. The same
 * SQL runs on PostgreSQL and H2.
 */
public final class PurgeSql {

    private PurgeSql() {
    }

    /**
     * Deletes the rows whose keys {@code select} returns.
     *
     * @param select takes the cutoff and the row limit, in that order, and returns the key columns
     * @param delete takes the key columns, in the order {@code select} returns them
     * @return how many rows were deleted
     */
    public static int deleteSelected(Connection connection, String select, Instant cutoff, int max, String delete)
            throws SQLException {
        List<Object[]> keys = select(connection, select, cutoff, max);
        if (keys.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            for (Object[] key : keys) {
                for (int i = 0; i < key.length; i++) {
                    statement.setObject(i + 1, key[i]);
                }
                statement.addBatch();
            }
            for (int count : statement.executeBatch()) {
                deleted += Math.max(count, 0);
            }
        }
        return deleted;
    }

    /** The key columns of the rows {@code select} returns for the cutoff and limit. */
    public static List<Object[]> select(Connection connection, String select, Instant cutoff, int max)
            throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            statement.setInt(2, max);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] key = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        key[i] = rows.getObject(i + 1);
                    }
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
