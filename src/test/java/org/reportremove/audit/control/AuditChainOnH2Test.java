package org.reportremove.audit.control;

import org.reportremove.testing.H2AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
        H2AuditTrail.migrate(url);
    }

    @Test
    void sealsVerifiesAndCatchesAnAlteredRow() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(3, H2AuditTrail.writeAndSeal(connection, "sealer-test", 3));
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
