package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.cases.control.CaseDeletion;
import org.reportremove.platform.retention.PurgeSql;
import org.reportremove.platform.retention.PurgedRecords;
import org.reportremove.platform.retention.SqlPurge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Purges cases the analysts closed, once the retention period for cases has passed since they closed them. The
 * exchange knows when a case was closed, so the purge lives here and hands the deletion to the cases
 * ({@link CaseDeletion}), whose tables the exchange's records hang from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ClosedCases extends SqlPurge {

    static final String SELECT = "SELECT case_id FROM analyst_case_results WHERE closed_at < ?"
            + " ORDER BY closed_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    @Inject
    @ConfigProperty(name = "reportremove.retention.cases-days", defaultValue = "90")
    int days;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.CLOSED_CASES;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purge(connection, now, Duration.ofDays(days), max);
    }

    /** Purges at most {@code max} cases closed more than {@code kept} before {@code now}. */
    public static int purge(Connection connection, Instant now, Duration kept, int max) throws SQLException {
        return CaseDeletion.delete(connection, PurgeSql.select(connection, SELECT, now.minus(kept), max).stream()
                .map(key -> (String) key[0]).toList());
    }
}
