package org.reportremove.agecheck.control;

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
 * Removes age checks a while after they expired. An expired check can no longer be verified or claimed, and a
 * claimed one has handed its outcome to the account, which keeps it; the audit trail keeps that the check ran.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExpiredAgeChecks extends SqlPurge {

    static final String SELECT = "SELECT id FROM age_check WHERE expires_at < ?"
            + " ORDER BY expires_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    static final String DELETE = "DELETE FROM age_check WHERE id = ?";

    @Inject
    @ConfigProperty(name = "reportremove.retention.age-checks-hours", defaultValue = "24")
    int hours;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.AGE_CHECKS;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purge(connection, now, Duration.ofHours(hours), max);
    }

    /** Removes at most {@code max} age checks that expired more than {@code kept} before {@code now}. */
    public static int purge(Connection connection, Instant now, Duration kept, int max) throws SQLException {
        return PurgeSql.deleteSelected(connection, SELECT, now.minus(kept), max, DELETE);
    }
}
