package org.reportremove.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportremove.platform.retention.PurgeSql;
import org.reportremove.platform.retention.PurgedRecords;
import org.reportremove.platform.retention.SqlPurge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Removes the record of used client assertions once the assertions themselves have expired: an expired assertion
 * is refused for its expiry, so its record no longer guards against a replay. ({@link UsedAssertions} also clears
 * them as it records new ones; this catches the rest when no partner signs in for a while.)
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExpiredClientAssertions extends SqlPurge {

    static final String SELECT = "SELECT assertion_key FROM used_client_assertion WHERE expires_at < ?"
            + " ORDER BY expires_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    static final String DELETE = "DELETE FROM used_client_assertion WHERE assertion_key = ?";

    @Override
    public PurgedRecords what() {
        return PurgedRecords.CLIENT_ASSERTIONS;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return purgeExpired(connection, now, max);
    }

    /** Removes at most {@code max} used assertions that expired before {@code now}. */
    public static int purgeExpired(Connection connection, Instant now, int max) throws SQLException {
        return PurgeSql.deleteSelected(connection, SELECT, now, max, DELETE);
    }
}
