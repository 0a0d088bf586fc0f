package org.reportremove.testing;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads every column of every table of the service's schema as text (binary columns too) and reports which of
 * the given values appear anywhere, in any case: the proof that secrets are not stored in a recoverable form.
 */
public final class DatabaseScan {

    private DatabaseScan() {
    }

    /** The values found, each with the table it was found in; empty when none is stored. */
    public static List<String> findAnyOf(DataSource database, List<String> values) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object cell = rows.getObject(c);
                            String text = cell instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                    : String.valueOf(cell);
                            for (String value : values) {
                                if (text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                                    found.add(table + " holds a secret of " + value.length() + " characters");
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
