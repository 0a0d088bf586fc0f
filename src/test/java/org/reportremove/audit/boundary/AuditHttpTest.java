package org.reportremove.audit.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.Reply;
import org.reportremove.testing.Tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The audit trail through the operator API, against the deployed service and its PostgreSQL: entries are
 * recorded and sealed, and the verifier catches rows changed or deleted behind the service's back.
 */
class AuditHttpTest extends DeployedServiceTest {

    private static final String ENTRIES = "/api/v1/operator/audit/entries";
    private static final String VERIFICATIONS = "/api/v1/operator/audit/verifications";

    private String operator;

    @BeforeEach
    void connect() {
        operator = "Bearer " + Tokens.operator(api);
    }

    @Test
    void operatorActionIsRecordedSealedAndVerified() throws SQLException {
        Reply created = record("KEY_ROTATED", "token-signing-2026-11");

        assertEquals(201, created.status(), created.body());
        JsonObject entry = created.json();
        assertEquals("KEY_ROTATED", entry.getString("action"));
        long id = entry.getJsonNumber("id").longValue();
        awaitSealed(id);

        JsonObject verification = verify();
        assertTrue(verification.getBoolean("intact"), verification.toString());
        assertTrue(verification.getJsonNumber("linksVerified").longValue() >= 1);
        assertEquals(0, verification.getInt("unsealedOverdue"));
        assertFalse(verification.containsKey("firstBrokenLink"));
    }

    @Test
    void invalidEntryIsRefusedAndWritesNothing() throws SQLException {
        long before = countRows();

        Reply refused = api.post(ENTRIES, "application/json",
                "{\"action\": \"KEY_ROTATED\", \"objectId\": \"Alice rotated the key because Bob asked\"}",
                "Authorization", operator);

        assertEquals(400, refused.status(), refused.body());
        assertEquals("urn:reportremove:problem:invalid-fields", refused.json().getString("type"));
        assertEquals("objectId", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(before, countRows());
    }

    @Test
    void verifierFindsARowAlteredInTheDatabase() throws SQLException {
        long id = record("BACKUP_RESTORED", "backup-2026-11-20").json().getJsonNumber("id").longValue();
        long seal = awaitSealed(id);
        try {
            execute("UPDATE audit_event SET object_id = 'backup-1999-01-01' WHERE id = ?", id);

            JsonObject verification = verify();

            assertFalse(verification.getBoolean("intact"));
            JsonObject broken = verification.getJsonObject("firstBrokenLink");
            assertEquals("ROW_ALTERED", broken.getString("reason"));
            assertEquals(seal, broken.getJsonNumber("sealSeq").longValue());
            assertEquals(id, broken.getJsonNumber("auditId").longValue());
        } finally {
            execute("UPDATE audit_event SET object_id = 'backup-2026-11-20' WHERE id = ?", id);
        }
        assertTrue(verify().getBoolean("intact"), "the chain holds again once the row is restored");
    }

    @Test
    void verifierFindsARowDeletedFromTheDatabase() throws SQLException {
        long first = record("INCIDENT_OPENED", "incident-42").json().getJsonNumber("id").longValue();
        long second = record("INCIDENT_CLOSED", "incident-42").json().getJsonNumber("id").longValue();
        long seal = awaitSealed(first);
        awaitSealed(second);
        Object[] saved = readRow(first);
        try {
            execute("DELETE FROM audit_event WHERE id = ?", first);

            JsonObject verification = verify();

            assertFalse(verification.getBoolean("intact"));
            JsonObject broken = verification.getJsonObject("firstBrokenLink");
            assertEquals("ROW_MISSING", broken.getString("reason"));
            assertEquals(seal, broken.getJsonNumber("sealSeq").longValue());
        } finally {
            restoreRow(saved);
        }
        assertTrue(verify().getBoolean("intact"), "the chain holds again once the row is back");
    }

    @Test
    void verificationNeedsTheOperatorRole() {
        Reply reply = api.post(VERIFICATIONS, "application/json", "{}",
                "Authorization", "Bearer " + Tokens.withRoles("someone", "young-person"));

        assertEquals(403, reply.status(), reply.body());
        assertEquals("urn:reportremove:problem:forbidden", reply.json().getString("type"));
    }

    private Reply record(String action, String objectId) {
        return api.post(ENTRIES, "application/json",
                "{\"action\": \"" + action + "\", \"objectId\": \"" + objectId + "\"}", "Authorization", operator);
    }

    private JsonObject verify() {
        Reply reply = api.post(VERIFICATIONS, "application/json", "{}", "Authorization", operator);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Waits for the sealer (every second) to chain the row, and returns its place in the chain. */
    private long awaitSealed(long id) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT seal_seq FROM audit_event WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        return rs.getLong(1);
                    }
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("audit row " + id + " was not sealed within 30 seconds");
    }

    private long countRows() throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql, long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private Object[] readRow(long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_event WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }

    private void restoreRow(Object[] row) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id,"
                             + " seal_seq, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
            insert.executeUpdate();
        }
    }
}
