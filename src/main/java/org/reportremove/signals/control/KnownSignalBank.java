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
 * person withdrew the case, so the values shared from its items leave the bank again. A value the bank held already
 * (imported by an operator, or shared from another item) is left as it is and keeps its origin, so a withdrawal takes
 * out only what its own case put in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownSignalBank {

    private static final String INSERT_POSTGRESQL = "INSERT INTO known_signal (signal_type, signal_value, quality,"
            + " imported_at, shared_item) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_H2 = "INSERT INTO known_signal (signal_type, signal_value, quality, imported_at,"
            + " shared_item) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM known_signal WHERE signal_type = ?"
            + " AND signal_value = ?)";

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** Adds the item's signals to the bank; returns how many were new to it. */
    public int share(String itemReference, Collection<Signal> signals) {
        Map<SignalType, List<String>> added = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL())
                    == ConfiguredDataSource.DatabaseKind.H2;
            try (PreparedStatement insert = connection.prepareStatement(h2 ? INSERT_H2 : INSERT_POSTGRESQL)) {
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

    /** Takes out of the bank every value shared from these items; returns how many went. */
    public int unshare(Collection<String> itemReferences) {
        if (itemReferences.isEmpty()) {
            return 0;
        }
        String marks = itemReferences.stream().map(r -> "?").collect(Collectors.joining(","));
        Map<SignalType, List<String>> removed = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT signal_type, signal_value"
                    + " FROM known_signal WHERE shared_item IN (" + marks + ")")) {
                int i = 1;
                for (String reference : itemReferences) {
                    select.setString(i++, reference);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String value = rows.getString(2);
                        SignalType.named(rows.getString(1)).ifPresent(type ->
                                removed.computeIfAbsent(type, t -> new ArrayList<>()).add(value));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM known_signal"
                    + " WHERE shared_item IN (" + marks + ")")) {
                int i = 1;
                for (String reference : itemReferences) {
                    delete.setString(i++, reference);
                }
                delete.executeUpdate();
            }
            for (Map.Entry<SignalType, List<String>> entry : removed.entrySet()) {
                KnownSignalChanges.record(connection, entry.getKey(), entry.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
        return removed.values().stream().mapToInt(List::size).sum();
    }
}
