package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.PurgeSql;
import org.reportremove.platform.retention.PurgedRecords;
import org.reportremove.platform.retention.SqlPurge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Purges cases their owners withdrew, once the retention period for cases has passed since the withdrawal
 * ({@link CaseDeletion} says what goes with them).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class WithdrawnCases extends SqlPurge {

    static final String SELECT = "SELECT id FROM report_case WHERE status = 'WITHDRAWN' AND withdrawn_at < ?"
            + " ORDER BY withdrawn_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    @Inject
    @ConfigProperty(name = "reportremove.retention.cases-days", defaultValue = "90")
    int days;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.WITHDRAWN_CASES;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purge(connection, now, Duration.ofDays(days), max);
    }

    /** Purges at most {@code max} cases withdrawn more than {@code kept} before {@code now}. */
    public static int purge(Connection connection, Instant now, Duration kept, int max) throws SQLException {
        return CaseDeletion.delete(connection, PurgeSql.select(connection, SELECT, now.minus(kept), max).stream()
                .map(key -> (String) key[0]).toList());
    }
}
