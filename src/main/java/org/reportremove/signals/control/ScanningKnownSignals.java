package org.reportremove.signals.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The straightforward lookup: exact signals through the primary key, PDQ by reading every reliable known PDQ
 * and comparing distances. Good for a bank of up to a few hundred thousand PDQ hashes; a multi-index for ten
 * million comes later behind the same interface.
 */
@ApplicationScoped
public class ScanningKnownSignals implements KnownSignals {

    private static final int FETCH_SIZE = 5000;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Override
    public Set<Signal> known(Collection<Signal> signals) {
        Set<Signal> known = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (SignalType type : List.of(SignalType.SHA256, SignalType.MD5)) {
                List<Signal> exact = signals.stream().filter(s -> s.type() == type).distinct().toList();
                if (!exact.isEmpty()) {
                    known.addAll(exactMatches(connection, type, exact));
                }
            }
            List<Signal> pdq = signals.stream().filter(Signal::reliablePdq).distinct().toList();
            if (!pdq.isEmpty()) {
                known.addAll(pdqMatches(connection, pdq));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be read", e);
        }
        return known;
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

    private static Set<Signal> pdqMatches(Connection connection, List<Signal> signals) throws SQLException {
        Set<Signal> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT signal_value FROM known_signal"
                + " WHERE signal_type = 'PDQ' AND quality >= ?")) {
            select.setInt(1, Signal.RELIABLE_PDQ_QUALITY);
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && found.size() < signals.size()) {
                    String knownValue = rows.getString(1);
                    for (Signal signal : signals) {
                        if (signal.pdqMatches(knownValue)) {
                            found.add(signal);
                        }
                    }
                }
            }
        }
        return found;
    }
}
