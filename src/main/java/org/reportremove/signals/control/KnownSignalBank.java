package org.reportremove.signals.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportremove.platform.persistence.ConfiguredDataSource;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Changes to the bank made by the service itself, in the caller's transaction with the change log: the analysts
 * shared an item's signals with the industry hash list ({@code HASH_SHARED}), so the bank knows them too; the young
 * person withdrew the case, so the values shared from its items leave the bank again. Each item that shared a value
 * is kept as one of its shares ({@code known_signal_share}): a value shared from two cases stays while either keeps
 * it and leaves with the last share. A value an operator imported keeps its origin ({@code shared_item} null) and
 * never leaves by a withdrawal.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownSignalBank {

    private static final String INSERT_POSTGRESQL = "INSERT INTO known_signal (signal_type, signal_value, quality,"
            + " imported_at, shared_item) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_H2 = "INSERT INTO known_signal (signal_type, signal_value, quality, imported_at,"
            + " shared_item) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM known_signal WHERE signal_type = ?"
            + " AND signal_value = ?)";
    private static final String SHARE_POSTGRESQL = "INSERT INTO known_signal_share (signal_type, signal_value,"
            + " item_reference) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String SHARE_H2 = "INSERT INTO known_signal_share (signal_type, signal_value, item_reference)"
            + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM known_signal_share WHERE signal_type = ?"
            + " AND signal_value = ? AND item_reference = ?)";

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** Adds the item's signals to the bank; returns how many were new to it. */
    public int share(String itemReference, Collection<Signal> signals) {
        Map<SignalType, List<String>> added = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL())
                    == ConfiguredDataSource.DatabaseKind.H2;
            try (PreparedStatement insert = connection.prepareStatement(h2 ? INSERT_H2 : INSERT_POSTGRESQL);
                 PreparedStatement share = connection.prepareStatement(h2 ? SHARE_H2 : SHARE_POSTGRESQL)) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (Signal signal : signals) {
                    insert.setString(1, signal.type().name());
                    insert.setString(2, signal.value());
                    insert.setObject(3, signal.quality());
                    insert.setObject(4, now);
                    insert.setString(5, itemReference);
                    if (h2) {
                        insert.setString(6, signal.type().name());
                        insert.setString(7, signal.value());
                    }
                    if (insert.executeUpdate() > 0) {
                        added.computeIfAbsent(signal.type(), t -> new ArrayList<>()).add(signal.value());
                    }
                    share.setString(1, signal.type().name());
                    share.setString(2, signal.value());
                    share.setString(3, itemReference);
                    if (h2) {
                        share.setString(4, signal.type().name());
                        share.setString(5, signal.value());
                        share.setString(6, itemReference);
                    }
                    share.executeUpdate();
                }
            }
            for (Map.Entry<SignalType, List<String>> entry : added.entrySet()) {
                KnownSignalChanges.record(connection, entry.getKey(), entry.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
        return added.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Forgets the shares of these items, and takes out of the bank every value they shared that no other item shares
     * still (and that no operator imported); returns how many values went.
     */
    public int unshare(Collection<String> itemReferences) {
        if (itemReferences.isEmpty()) {
            return 0;
        }
        String marks = itemReferences.stream().map(r -> "?").collect(Collectors.joining(","));
        Map<SignalType, List<String>> removed = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> shared = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT signal_type, signal_value"
                    + " FROM known_signal_share WHERE item_reference IN (" + marks + ")")) {
                bind(select, itemReferences);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        shared.add(new String[]{rows.getString(1), rows.getString(2)});
                    }
                }
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM known_signal_share"
                    + " WHERE item_reference IN (" + marks + ")")) {
                bind(forget, itemReferences);
                forget.executeUpdate();
            }
            // Only a value that sharing put in, and that no share keeps any more, leaves the bank.
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM known_signal WHERE signal_type = ?"
                    + " AND signal_value = ? AND shared_item IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                    + " known_signal_share s WHERE s.signal_type = ? AND s.signal_value = ?)")) {
                for (String[] value : shared) {
                    delete.setString(1, value[0]);
                    delete.setString(2, value[1]);
                    delete.setString(3, value[0]);
                    delete.setString(4, value[1]);
                    if (delete.executeUpdate() > 0) {
                        SignalType.named(value[0]).ifPresent(type ->
                                removed.computeIfAbsent(type, t -> new ArrayList<>()).add(value[1]));
                    }
                }
            }
            for (Map.Entry<SignalType, List<String>> entry : removed.entrySet()) {
                KnownSignalChanges.record(connection, entry.getKey(), entry.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
        return removed.values().stream().mapToInt(List::size).sum();
    }

    private static void bind(PreparedStatement statement, Collection<String> itemReferences) throws SQLException {
        int i = 1;
        for (String reference : itemReferences) {
            statement.setString(i++, reference);
        }
    }
}
