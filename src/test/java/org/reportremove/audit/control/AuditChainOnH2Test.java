package org.reportremove.audit.control;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database of development mode runs the H2 flavour of the migrations and the same chain SQL.
 */
class AuditChainOnH2Test {

    private String url;

    @BeforeEach
    void freshDatabase() {
        url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
    }

    @Test
    void sealsVerifiesAndCatchesAnAlteredRow() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id)"
                            + " VALUES (?, ?, 'SYSTEM', 'sealer-test', 'KEY_ROTATED', 'OPERATION', ?)")) {
                for (int id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.setTimestamp(2, Timestamp.from(Instant.now()));
                    insert.setString(3, "key-" + id);
                    insert.executeUpdate();
                }
            }

            assertEquals(3, AuditChain.seal(connection, 10).count());
            assertTrue(AuditChain.verify(connection, Duration.ofMinutes(1), Instant.now()).intact());

            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE audit_event SET action = 'DATA_PURGED' WHERE id = 2");
            }
            AuditVerification result = AuditChain.verify(connection, Duration.ofMinutes(1), Instant.now());
            assertFalse(result.intact());
            assertEquals(AuditVerification.Break.ROW_ALTERED, result.firstBrokenLink().reason());
            assertEquals(2L, result.firstBrokenLink().auditId());
        }
    }
}
