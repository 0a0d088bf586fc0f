package org.reportremove.audit.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.audit.control.AuditChain;
import org.reportremove.audit.control.AuditChainCheckpoint;
import org.reportremove.audit.control.AuditVerification;
import org.reportremove.testing.AuditTrailCopy;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.Reply;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.invalidFields;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * The audit trail through the operator API, against the deployed service and its PostgreSQL: entries are
 * recorded and sealed, the chain verifies, and only operators may ask. The tests that break the chain to show
 * the verifier catches it break a copy of the service's sealed trail in a database of their own
 * ({@link AuditTrailCopy}), never the trail the running service and the other tests share.
 */
class AuditHttpTest extends DeployedServiceTest {

    private static final String ENTRIES = "/api/v1/operator/audit/entries";
    private static final String VERIFICATIONS = "/api/v1/operator/audit/verifications";
    private static final String CHECKPOINT = "/api/v1/operator/audit/checkpoint";
    private static final Duration UNSEALED_ALERT = Duration.ofMinutes(5);

    private String operator;

    @BeforeEach
    void connect() {
        operator = "Bearer " + Tokens.operator(api);
    }

    @Test
    void operatorActionIsRecordedSealedAndVerified() throws SQLException {
        String objectId = "token-signing-" + UUID.randomUUID();
        Reply created = record("KEY_ROTATED", objectId);

        assertEquals(201, created.status(), created.body());
        JsonObject entry = created.json();
        assertEquals("KEY_ROTATED", entry.getString("action"));
        long id = entry.getJsonNumber("id").longValue();
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE id = ? AND object_id = ? AND action = ?",
                id, objectId, "KEY_ROTATED"));
        long seal = awaitSealed(id);

        JsonObject verification = verify();
        assertTrue(verification.getBoolean("intact"), verification.toString());
        assertTrue(verification.getJsonNumber("linksVerified").longValue() >= seal, "the entry's link was walked");
        assertEquals(0, verification.getInt("unsealedOverdue"));
        assertFalse(verification.containsKey("firstBrokenLink"));
    }

    @Test
    void invalidEntryIsRefusedAndWritesNothing() throws SQLException {
        String objectId = "Alice rotated the key because Bob asked " + UUID.randomUUID();

        Reply refused = api.postJson(ENTRIES, object("action", "KEY_ROTATED", "objectId", objectId),
                "Authorization", operator);

        invalidFields("objectId", "must be an id of 1 to 100 letters, digits, '.', '_', ':', '@' or '-'")
                .notEchoing("Alice", "Bob").assertOn(refused);
        assertEquals(0, count("SELECT COUNT(*) FROM audit_event WHERE object_id = ?", objectId));
    }

    @Test
    void aRowAlteredBehindTheServicesBackIsTheFirstBrokenLink() throws SQLException {
        long id = record("BACKUP_RESTORED", "backup-" + UUID.randomUUID()).json().getJsonNumber("id").longValue();
        long seal = awaitSealed(id);

        try (AuditTrailCopy copy = AuditTrailCopy.of(database)) {
            assertTrue(verify(copy).intact(), "the copy of the trail verifies as it is");

            assertEquals(1, copy.execute("UPDATE audit_event SET object_id = 'backup-1999-01-01' WHERE id = ?", id));
            AuditVerification verification = verify(copy);

            assertFalse(verification.intact());
            assertEquals(new AuditVerification.BrokenLink(seal, id, AuditVerification.Break.ROW_ALTERED),
                    verification.firstBrokenLink());
            assertEquals(seal - 1, verification.linksVerified(), "every link before it holds");
        }
    }

    @Test
    void aRowDeletedBehindTheServicesBackIsAMissingLink() throws SQLException {
        String incident = "incident-" + UUID.randomUUID();
        long first = record("INCIDENT_OPENED", incident).json().getJsonNumber("id").longValue();
        long second = record("INCIDENT_CLOSED", incident).json().getJsonNumber("id").longValue();
        long seal = awaitSealed(first);
        awaitSealed(second);

        try (AuditTrailCopy copy = AuditTrailCopy.of(database)) {
            assertTrue(verify(copy).intact(), "the copy of the trail verifies as it is");

            assertEquals(1, copy.execute("DELETE FROM audit_event WHERE id = ?", first));
            AuditVerification verification = verify(copy);

            assertFalse(verification.intact());
            assertEquals(AuditVerification.Break.ROW_MISSING, verification.firstBrokenLink().reason());
            assertEquals(seal, verification.firstBrokenLink().sealSeq());
        }
    }

    @Test
    void noAuditedChangeCommitsWithoutItsRow() throws SQLException {
        YoungPeople.Person person = YoungPeople.person(api, "13_15");
        // A trigger that refuses audit rows of this one person only: nobody else's change is touched.
        String refuse = "refuse_audit_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE FUNCTION " + refuse + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.actor_id = '"
                + person.accountId() + "' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + refuse + " BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION "
                + refuse + "()");
        try {
            Reply refused = api.postJson("/api/v1/cases", object("items", jakarta.json.Json.createArrayBuilder()
                            .add(object("contentType", "PHOTO", "signals", jakarta.json.Json.createArrayBuilder()
                                    .add(object("type", "SHA256", "value", YoungPeople.hex(64))).build())).build(),
                            "consent", object("followUp", false)),
                    "Authorization", person.bearer(), "Idempotency-Key", UUID.randomUUID().toString());

            assertEquals(500, refused.status(), refused.body());
            assertEquals(0, count("SELECT COUNT(*) FROM report_case WHERE account_id = ?", person.accountId()),
                    "the case rolled back with its audit row");
            assertEquals(0, count("SELECT COUNT(*) FROM case_submission WHERE account_id = ?", person.accountId()));
        } finally {
            execute("DROP TRIGGER " + refuse + " ON audit_event");
            execute("DROP FUNCTION " + refuse + "()");
        }
    }

    @Test
    void aSignedCheckpointOfTheHeadCatchesATailCutWithItsHeadRolledBack() throws Exception {
        long id = record("INCIDENT_OPENED", "incident-" + UUID.randomUUID()).json().getJsonNumber("id").longValue();
        long seal = awaitSealed(id);
        Reply taken = api.get(CHECKPOINT, "Authorization", operator);
        assertEquals(200, taken.status(), taken.body());
        JsonObject answer = taken.json();
        AuditChainCheckpoint checkpoint = AuditChainCheckpoint.verify(answer.getString("checkpoint"),
                api.get("/.well-known/jwks.json").body());
        assertEquals(answer.getJsonNumber("seq").longValue(), checkpoint.seq());
        assertEquals(answer.getString("hash"), checkpoint.hash());
        assertTrue(checkpoint.seq() >= seal, "the checkpoint covers the entry");

        try (AuditTrailCopy copy = AuditTrailCopy.of(database)) {
            assertEquals(1, copy.execute("DELETE FROM audit_event WHERE seal_seq = ?", checkpoint.seq()));
            assertEquals(1, copy.execute("UPDATE audit_chain_head SET seal_seq = ?, chain_hash = (SELECT chain_hash"
                    + " FROM audit_event WHERE seal_seq = ?) WHERE id = 1", checkpoint.seq() - 1,
                    checkpoint.seq() - 1));
            assertTrue(verify(copy).intact(), "inside the database the cut does not show");

            try (Connection connection = copy.database().getConnection()) {
                AuditVerification against = AuditChain.verify(connection, UNSEALED_ALERT, Instant.now(), checkpoint);
                assertFalse(against.intact());
                assertEquals(new AuditVerification.BrokenLink(checkpoint.seq(), null,
                        AuditVerification.Break.CHECKPOINT_NOT_REACHED), against.firstBrokenLink());
            }
        }
    }

    @Test
    void verificationNeedsTheOperatorRole() {
        forbidden().assertOn(api.postJson(VERIFICATIONS, object(),
                "Authorization", "Bearer " + Tokens.withRoles("someone", "young-person")));
        forbidden().assertOn(api.postJson(VERIFICATIONS, object(),
                "Authorization", "Bearer " + Tokens.counsellor(api, "counsellor-7")));
        unauthenticated().assertOn(api.postJson(VERIFICATIONS, object()));
        forbidden().assertOn(api.get(CHECKPOINT, "Authorization", "Bearer " + Tokens.counsellor(api, "counsellor-7")));
        unauthenticated().assertOn(api.get(CHECKPOINT));
    }

    private Reply record(String action, String objectId) {
        Reply reply = api.postJson(ENTRIES, object("action", action, "objectId", objectId), "Authorization", operator);
        assertEquals(201, reply.status(), reply.body());
        return reply;
    }

    private JsonObject verify() {
        Reply reply = api.postJson(VERIFICATIONS, object(), "Authorization", operator);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Verifies the copy with the service's own chain code. */
    private static AuditVerification verify(AuditTrailCopy copy) throws SQLException {
        try (Connection connection = copy.database().getConnection()) {
            return AuditChain.verify(connection, UNSEALED_ALERT, Instant.now());
        }
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
}
