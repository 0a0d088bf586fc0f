package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.AgedRows;
import org.reportremove.platform.retention.AgedRowsPurge;
import org.reportremove.platform.retention.PurgedRecords;

import java.time.Duration;

/**
 * Removes change log rows every running node read long ago (each polls every second); a node that starts loads the
 * whole bank and follows the log only from about a minute before its load, so old rows serve nobody.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OldKnownSignalChanges extends AgedRowsPurge {

    public static final AgedRows ROWS = AgedRows.of("known_signal_change", "changed_at", "seq");

    @Inject
    @ConfigProperty(name = "reportremove.retention.known-signal-changes-hours", defaultValue = "24")
    int hours;

    public OldKnownSignalChanges() {
        super(PurgedRecords.KNOWN_SIGNAL_CHANGES, ROWS);
    }

    @Override
    protected Duration kept() {
        return Duration.ofHours(hours);
    }
}
