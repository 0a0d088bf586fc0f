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
import java.util.Comparator;
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
 * never leaves by a withdrawal. Sharings and withdrawals of one value lock its row first, so that they take turns
 * and each sees the shares the other left.
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

    private static final String LOCK = "SELECT 1 FROM known_signal WHERE signal_type = ? AND signal_value = ? FOR UPDATE";

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** Adds the item's signals to the bank; returns how many were new to it. */
    public int share(String itemReference, Collection<Signal> signals) {
        try (Connection connection = dataSource.getConnection()) {
            return share(connection, itemReference, signals);
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
    }

    /**
     * Forgets the shares of these items, and takes out of the bank every value they shared that no other item shares
     * still (and that no operator imported); returns how many values went.
     */
    public int unshare(Collection<String> itemReferences) {
        try (Connection connection = dataSource.getConnection()) {
            return unshare(connection, itemReferences);
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
    }

    /**
     * {@link #share(String, Collection)} in the transaction of {@code connection}. Each value's row is locked (in
     * one order, so two sharings cannot deadlock) before its share is written: a withdrawal deciding at the same
     * moment whether the value's last share is gone waits for this transaction and then sees the new share.
     */
    static int share(Connection connection, String itemReference, Collection<Signal> signals) throws SQLException {
        Map<SignalType, List<String>> added = new LinkedHashMap<>();
        boolean h2 = ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL())
                == ConfiguredDataSource.DatabaseKind.H2;
        List<Signal> ordered = signals.stream()
                .sorted(Comparator.comparing((Signal signal) -> signal.type().name()).thenComparing(Signal::value))
                .toList();
        try (PreparedStatement insert = connection.prepareStatement(h2 ? INSERT_H2 : INSERT_POSTGRESQL);
             PreparedStatement lock = connection.prepareStatement(LOCK);
             PreparedStatement share = connection.prepareStatement(h2 ? SHARE_H2 : SHARE_POSTGRESQL)) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Signal signal : ordered) {
                if (insertAndLock(insert, lock, signal, itemReference, now, h2)) {
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
        return added.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Puts the value in the bank unless it is there, and locks its row; returns whether this inserted it. A value
     * found present and then taken out by a withdrawal that committed in between is inserted again.
     */
    private static boolean insertAndLock(PreparedStatement insert, PreparedStatement lock, Signal signal,
                                         String itemReference, OffsetDateTime now, boolean h2) throws SQLException {
        boolean inserted = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            insert.setString(1, signal.type().name());
            insert.setString(2, signal.value());
            insert.setObject(3, signal.quality());
            insert.setObject(4, now);
            insert.setString(5, itemReference);
            if (h2) {
                insert.setString(6, signal.type().name());
                insert.setString(7, signal.value());
            }
            inserted |= insert.executeUpdate() > 0;
            if (locked(lock, signal.type().name(), signal.value())) {
                return inserted;
            }
        }
        throw new SQLException("a known signal was taken out each time it was shared");
    }

    /**
     * {@link #unshare(Collection)} in the transaction of {@code connection}. The rows of the values concerned are
     * locked first (in one order): two withdrawals of items sharing a value, at the same moment, take turns, so the
     * second sees the first's share gone and the value leaves with the last share rather than staying with none.
     */
    static int unshare(Connection connection, Collection<String> itemReferences) throws SQLException {
        if (itemReferences.isEmpty()) {
            return 0;
        }
        String marks = itemReferences.stream().map(r -> "?").collect(Collectors.joining(","));
        Map<SignalType, List<String>> removed = new LinkedHashMap<>();
        List<String[]> shared = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT signal_type, signal_value"
                + " FROM known_signal_share WHERE item_reference IN (" + marks + ")"
                + " ORDER BY signal_type, signal_value")) {
            bind(select, itemReferences);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    shared.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            for (String[] value : shared) {
                locked(lock, value[0], value[1]);
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
        return removed.values().stream().mapToInt(List::size).sum();
    }

    /** Locks the value's row until the transaction ends; false when the bank does not hold the value. */
    private static boolean locked(PreparedStatement lock, String type, String value) throws SQLException {
        lock.setString(1, type);
        lock.setString(2, value);
        try (ResultSet row = lock.executeQuery()) {
            return row.next();
        }
    }

    private static void bind(PreparedStatement statement, Collection<String> itemReferences) throws SQLException {
        int i = 1;
        for (String reference : itemReferences) {
            statement.setString(i++, reference);
        }
    }
}
