package org.reportremove.signals.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;
import org.reportremove.signals.hashing.SignalValues;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The straightforward lookup: exact kinds through the primary key, perceptual kinds by reading every reliable
 * known value of the kind and comparing distances. A submission costs a read of the whole bank (a second at a
 * million PDQ hashes), so the service asks {@link IndexedKnownSignals}; this one answers only while a node's index
 * is still loading, straight from the database. Runs in the caller's transaction, if any.
 */
@ApplicationScoped
@Typed(ScanningKnownSignals.class)
public class ScanningKnownSignals implements KnownSignals {

    private static final int FETCH_SIZE = 5000;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Override
    public KnownMatches known(Collection<Signal> signals) {
        Set<Signal> exact = new HashSet<>();
        Map<Signal, Integer> near = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (SignalType type : SignalType.all()) {
                List<Signal> ofType = signals.stream().filter(s -> s.type().equals(type) && s.reliable())
                        .distinct().toList();
                if (ofType.isEmpty()) {
                    continue;
                }
                if (type.exact()) {
                    exact.addAll(exactMatches(connection, type, ofType));
                } else {
                    near.putAll(nearMatches(connection, type, ofType));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be read", e);
        }
        return new KnownMatches(exact, near);
    }

    private static Set<Signal> exactMatches(Connection connection, SignalType type, List<Signal> signals)
            throws SQLException {
        String marks = signals.stream().map(s -> "?").collect(Collectors.joining(","));
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT signal_value FROM known_signal"
                + " WHERE signal_type = ? AND signal_value IN (" + marks + ")")) {
            select.setString(1, type.name());
            for (int i = 0; i < signals.size(); i++) {
                select.setString(i + 2, signals.get(i).value());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return signals.stream().filter(s -> found.contains(s.value())).collect(Collectors.toSet());
    }

    private static Map<Signal, Integer> nearMatches(Connection connection, SignalType type, List<Signal> signals)
            throws SQLException {
        Map<Signal, Integer> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT signal_value FROM known_signal"
                + " WHERE signal_type = ? AND quality >= ?")) {
            select.setString(1, type.name());
            select.setInt(2, type.reliableQuality());
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String knownValue = rows.getString(1);
                    for (Signal signal : signals) {
                        if (signal.matches(knownValue)) {
                            found.merge(signal, SignalValues.hammingDistance(signal.value(), knownValue), Math::min);
                        }
                    }
                }
            }
        }
        return found;
    }
}
