package org.reportremove.testing;

import org.flywaydb.core.Flyway;
import org.reportremove.audit.control.AuditChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An audit trail of its own in an H2 database, for tests of the chain and of the verifier command: the project's
 * own migrations, then a few operator rows, sealed.
 */
public final class H2AuditTrail {

    private H2AuditTrail() {
    }

    /** Applies every migration the embedded database gets to the H2 database at {@code url}. */
    public static void migrate(String url) {
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
    }

    /** Writes rows 1 to {@code count} by {@code actorId}, then seals them; returns how many were sealed. */
    public static int writeAndSeal(Connection connection, String actorId, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id)"
                        + " VALUES (?, ?, 'SYSTEM', ?, 'KEY_ROTATED', 'OPERATION', ?)")) {
            for (int id = 1; id <= count; id++) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, actorId);
                insert.setString(4, "key-" + id);
                insert.executeUpdate();
            }
        }
        return AuditChain.seal(connection, 10).count();
    }
}
