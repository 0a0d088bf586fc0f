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
 * Removes idempotency keys of case submissions once no app would still retry with them. The case itself stays;
 * a submission with an old key after this is a new case, as a new key would be.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OldIdempotencyKeys extends SqlPurge {

    static final String SELECT = "SELECT account_id, idempotency_key FROM case_submission WHERE created_at < ?"
            + " ORDER BY created_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    static final String DELETE = "DELETE FROM case_submission WHERE account_id = ? AND idempotency_key = ?";

    @Inject
    @ConfigProperty(name = "reportremove.retention.idempotency-keys-days", defaultValue = "7")
    int days;

    @Override
    public PurgedRecords what() {
        return PurgedRecords.IDEMPOTENCY_KEYS;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purge(connection, now, Duration.ofDays(days), max);
    }

    /** Removes at most {@code max} keys used more than {@code kept} before {@code now}. */
    public static int purge(Connection connection, Instant now, Duration kept, int max) throws SQLException {
        return PurgeSql.deleteSelected(connection, SELECT, now.minus(kept), max, DELETE);
    }
}
