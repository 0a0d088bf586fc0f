package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.PurgedRecords;
import org.reportremove.platform.retention.SqlPurge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Removes change log rows every running node read long ago (each polls every second); a node that starts loads the
 * whole bank and follows the log only from about a minute before its load, so old rows serve nobody.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OldKnownSignalChanges extends SqlPurge {

    @Inject
    @ConfigProperty(name = "reportremove.retention.known-signal-changes-hours", defaultValue = "24")
    int hours;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.KNOWN_SIGNAL_CHANGES;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return KnownSignalChanges.purge(connection, now.minus(hours, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), max);
    }
}
