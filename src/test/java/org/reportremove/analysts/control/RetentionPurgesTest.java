package org.reportremove.analysts.control;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.agecheck.control.ExpiredAgeChecks;
import org.reportremove.auth.control.ExpiredClientAssertions;
import org.reportremove.cases.control.OldIdempotencyKeys;
import org.reportremove.cases.control.WithdrawnCases;
import org.reportremove.platform.outbox.StaleNotifications;
import org.reportremove.platform.retention.RetentionLease;
import org.reportremove.signals.control.OldKnownSignalChanges;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention purges' selection and deletion on the test run's PostgreSQL (a database of its own): rows are
 * written now, some are made old by moving their timestamps back, and each purge runs at a "now" the test chooses.
 * What is past its time goes with everything that hangs from it; what is not stays; audit rows are never touched.
 */
class RetentionPurgesTest {

    private static final Duration CASES_KEPT = Duration.ofDays(90);
    private static final int BATCH = 500;
    /** The rows {@link #everythingAbout} counts for a case that {@link #caseOf} wrote. */
    private static final int WHOLE = 9;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private DataSource database;

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = TestRun.migratedDatabase("retention");
    }

    @Test
    void withdrawnCasesPastTheirTimeGoWithTheirItemsInboxAnalystRecordsKeysAndMessages() throws Exception {
        try (Connection c = database.getConnection()) {
            String account = account(c);
            String old = caseOf(c, account, "WITHDRAWN");
            String recent = caseOf(c, account, "WITHDRAWN");
            String open = caseOf(c, account, "SUBMITTED");
            String claimed = claimedMessageAbout(c, "HELPLINE", reference(c, old));
            audit(c, old);
            age(c, "UPDATE report_case SET withdrawn_at = ? WHERE id = ?", old, 91);

            assertEquals(0, WithdrawnCases.purge(c, now.minus(Duration.ofDays(2)), CASES_KEPT, BATCH),
                    "at an earlier now nothing is due yet");
            assertEquals(1, WithdrawnCases.purge(c, now, CASES_KEPT, BATCH));

            assertEquals(0, everythingAbout(c, old), "the case and all that hangs from it are gone");
            assertEquals(WHOLE, everythingAbout(c, recent), "a case withdrawn lately stays whole");
            assertEquals(WHOLE, everythingAbout(c, open), "an open case stays whole");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM outbox_message WHERE id = ?", claimed),
                    "a message a consumer holds goes too: its lease would run out and offer it again");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_event WHERE object_id = ?", old),
                    "the pseudonymous audit rows stay");

            assertEquals(1, WithdrawnCases.purge(c, now.plus(CASES_KEPT).plusSeconds(1), CASES_KEPT, BATCH),
                    "moving the clock past the period purges the recent one too, never an open one");
            assertEquals(WHOLE, everythingAbout(c, open));
        }
    }

    @Test
    void casesTheAnalystsClosedArePurgedAfterThePeriodSinceClosing() throws Exception {
        try (Connection c = database.getConnection()) {
            String account = account(c);
            String closedLongAgo = caseOf(c, account, "SUBMITTED");
            String closedLately = caseOf(c, account, "SUBMITTED");
            String open = caseOf(c, account, "SUBMITTED");
            close(c, closedLongAgo);
            close(c, closedLately);
            age(c, "UPDATE analyst_case_results SET closed_at = ? WHERE case_id = ?", closedLongAgo, 100);

            assertEquals(1, ClosedCases.purge(c, now, CASES_KEPT, BATCH));

            assertEquals(0, everythingAbout(c, closedLongAgo));
            assertEquals(WHOLE, everythingAbout(c, closedLately));
            assertEquals(WHOLE, everythingAbout(c, open));
            assertEquals(0, ClosedCases.purge(c, now, CASES_KEPT, BATCH), "a second run finds nothing more");
        }
    }

    @Test
    void batchesStopAtTheirSizeAndTheNextBatchTakesTheRest() throws Exception {
        try (Connection c = database.getConnection()) {
            String account = account(c);
            for (int i = 0; i < 5; i++) {
                age(c, "UPDATE report_case SET withdrawn_at = ? WHERE id = ?", caseOf(c, account, "WITHDRAWN"), 91);
            }
            assertEquals(3, WithdrawnCases.purge(c, now, CASES_KEPT, 3));
            assertEquals(2, WithdrawnCases.purge(c, now, CASES_KEPT, 3));
            assertEquals(0, WithdrawnCases.purge(c, now, CASES_KEPT, 3));
        }
    }

    @Test
    void expiredAgeChecksIdempotencyKeysClientAssertionsAndStaleNotificationsArePurged() throws Exception {
        try (Connection c = database.getConnection()) {
            String oldCheck = ageCheck(c);
            String freshCheck = ageCheck(c);
            age(c, "UPDATE age_check SET expires_at = ? WHERE id = ?", oldCheck, 2);
            String account = account(c);
            String caseId = caseOf(c, account, "SUBMITTED");
            age(c, "UPDATE case_submission SET created_at = ? WHERE case_id = ?", caseId, 8);
            String expired = assertion(c, now.minusSeconds(1));
            String valid = assertion(c, now.plusSeconds(60));
            String oldNote = message(c, "NOTIFICATIONS", null);
            String freshNote = message(c, "NOTIFICATIONS", null);
            String oldPackage = message(c, "ANALYSTS", "AR-not-a-case");
            age(c, "UPDATE outbox_message SET created_at = ? WHERE id = ?", oldNote, 8);
            age(c, "UPDATE outbox_message SET created_at = ? WHERE id = ?", oldPackage, 30);

            assertEquals(1, ExpiredAgeChecks.ROWS.purge(c, now.minus(Duration.ofHours(24)), BATCH));
            assertEquals(1, OldIdempotencyKeys.ROWS.purge(c, now.minus(Duration.ofDays(7)), BATCH));
            assertEquals(1, ExpiredClientAssertions.ROWS.purge(c, now, BATCH));
            assertEquals(1, StaleNotifications.ROWS.purge(c, now.minus(Duration.ofDays(7)), BATCH));

            assertEquals(0, count(c, "SELECT COUNT(*) FROM age_check WHERE id = ?", oldCheck));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM age_check WHERE id = ?", freshCheck));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM report_case WHERE id = ?", caseId),
                    "the case outlives its idempotency key");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM used_client_assertion WHERE assertion_key = ?", expired));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM used_client_assertion WHERE assertion_key = ?", valid));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM outbox_message WHERE id = ?", oldNote));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM outbox_message WHERE id = ?", freshNote));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM outbox_message WHERE id = ?", oldPackage),
                    "a package for the analysts is never dropped for its age");
        }
    }

    @Test
    void oneNodeAtATimeHoldsTheRetentionLeaseUntilItGivesItBackOrItRunsOut() throws Exception {
        Duration length = Duration.ofMinutes(10);
        try (Connection c = database.getConnection()) {
            assertTrue(RetentionLease.take(c, "node-a", now, length));
            assertFalse(RetentionLease.take(c, "node-b", now.plusSeconds(60), length), "node a holds it");
            assertTrue(RetentionLease.take(c, "node-b", now.plus(length).plusSeconds(1), length),
                    "a lease its holder never gave back runs out");
            RetentionLease.release(c, "node-a", now.plus(length).plusSeconds(2));
            assertFalse(RetentionLease.take(c, "node-a", now.plus(length).plusSeconds(3), length),
                    "only the holder gives it back");
            RetentionLease.release(c, "node-b", now.plus(length).plusSeconds(4));
            assertTrue(RetentionLease.take(c, "node-a", now.plus(length).plusSeconds(5), length));
        }
    }

    @Test
    void everyPurgeRunsOnTheDevelopmentDatabaseToo() throws Exception {
        String url = "jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            String account = account(c);
            age(c, "UPDATE report_case SET withdrawn_at = ? WHERE id = ?", caseOf(c, account, "WITHDRAWN"), 91);
            String closed = caseOf(c, account, "SUBMITTED");
            close(c, closed);
            age(c, "UPDATE analyst_case_results SET closed_at = ? WHERE case_id = ?", closed, 91);
            age(c, "UPDATE age_check SET expires_at = ? WHERE id = ?", ageCheck(c), 2);
            assertion(c, now.minusSeconds(1));
            age(c, "UPDATE outbox_message SET created_at = ? WHERE id = ?", message(c, "NOTIFICATIONS", null), 8);

            assertTrue(RetentionLease.take(c, "node-a", now, Duration.ofMinutes(10)));
            assertEquals(1, WithdrawnCases.purge(c, now, CASES_KEPT, BATCH));
            assertEquals(1, ClosedCases.purge(c, now, CASES_KEPT, BATCH));
            assertEquals(1, ExpiredAgeChecks.ROWS.purge(c, now.minus(Duration.ofHours(24)), BATCH));
            assertEquals(1, ExpiredClientAssertions.ROWS.purge(c, now, BATCH));
            assertEquals(1, StaleNotifications.ROWS.purge(c, now.minus(Duration.ofDays(7)), BATCH));
            assertEquals(0, OldIdempotencyKeys.ROWS.purge(c, now.minus(Duration.ofDays(7)), BATCH));
        }
    }

    @Test
    void knownSignalChangesGoOnceEveryNodeHasLongSinceReadThem() throws Exception {
        try (Connection c = database.getConnection()) {
            long old = change(c, 25);
            long recent = change(c, 23);

            assertEquals(1, OldKnownSignalChanges.ROWS.purge(c, now.minus(Duration.ofHours(24)), BATCH));

            assertEquals(0, count(c, "SELECT COUNT(*) FROM known_signal_change WHERE seq = CAST(? AS BIGINT)", String.valueOf(old)));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM known_signal_change WHERE seq = CAST(? AS BIGINT)", String.valueOf(recent)));
        }
    }

    private long change(Connection c, int hoursAgo) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO known_signal_change"
                + " (signal_type, signal_value, changed_at) VALUES ('MD5', ?, ?)", new String[] {"seq"})) {
            insert.setString(1, UUID.randomUUID().toString().replace("-", ""));
            insert.setObject(2, now.minus(Duration.ofHours(hoursAgo)).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Rows about the case in every table that hangs from it, plus its idempotency key and its unclaimed messages. */
    private static int everythingAbout(Connection c, String caseId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM report_case WHERE id = ?", caseId)
                + count(c, "SELECT COUNT(*) FROM case_item WHERE case_id = ?", caseId)
                + count(c, "SELECT COUNT(*) FROM case_signal s JOIN case_item i ON i.id = s.item_id WHERE i.case_id = ?",
                caseId)
                + count(c, "SELECT COUNT(*) FROM inbox_message WHERE case_id = ?", caseId)
                + count(c, "SELECT COUNT(*) FROM analyst_case WHERE case_id = ?", caseId)
                + count(c, "SELECT COUNT(*) FROM analyst_case_item i JOIN analyst_case a"
                + " ON a.analyst_reference = i.analyst_reference WHERE a.case_id = ?", caseId)
                + count(c, "SELECT COUNT(*) FROM case_submission WHERE case_id = ?", caseId)
                + count(c, "SELECT COUNT(*) FROM outbox_message m JOIN report_case r ON m.subject_id IN"
                + " (r.case_reference, r.analyst_reference) WHERE r.id = ? AND m.claim_token IS NULL", caseId);
    }

    private void age(Connection c, String update, String id, int days) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(update)) {
            s.setObject(1, now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC));
            s.setString(2, id);
            assertEquals(1, s.executeUpdate(), update);
        }
    }

    private String account(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute(c, "INSERT INTO account (id, username, username_key, passphrase_hash, age_assurance, age_band,"
                + " age_method, age_provider, age_assured_at, created_at, passphrase_changed_at, version,"
                + " notification_id) VALUES (?, ?, ?, 'x', 'VERIFIED', '13_15', 'DOCUMENT', 'test', ?, ?, ?, 1, ?)",
                id, "u" + id.substring(0, 8), "u" + id.substring(0, 8), utc(), utc(), utc(), UUID.randomUUID().toString());
        return id;
    }

    /** A case with an item and signal, an inbox message, the exchange's record, a key and two unclaimed messages. */
    private String caseOf(Connection c, String account, String status) throws SQLException {
        String id = UUID.randomUUID().toString();
        String reference = "RR-" + id.substring(0, 8);
        String analystReference = "AR-" + id.substring(0, 8);
        String item = UUID.randomUUID().toString();
        execute(c, "INSERT INTO report_case (id, case_reference, analyst_reference, account_id, status, language,"
                + " concerns, follow_up_consented, locations_sealed, consent_sealed, submitted_at, withdrawn_at, version)"
                + " VALUES (?, ?, ?, ?, ?, 'en', '', TRUE, ?, ?, ?, ?, 1)", id, reference, analystReference, account,
                status, new byte[]{1}, new byte[]{1}, utc(), "WITHDRAWN".equals(status) ? utc() : null);
        execute(c, "INSERT INTO case_item (id, case_id, item_number, item_reference, content_type, already_known,"
                + " added_at) VALUES (?, ?, 1, ?, 'PHOTO', FALSE, ?)", item, id, "IT-" + id.substring(0, 8), utc());
        execute(c, "INSERT INTO case_signal (item_id, signal_type, signal_value, quality) VALUES (?, 'MD5', ?, NULL)",
                item, "0".repeat(32));
        execute(c, "INSERT INTO inbox_message (id, account_id, case_id, case_reference, message_key, sender, language,"
                + " written_at) VALUES (?, ?, ?, ?, 'received', 'SERVICE', 'en', ?)",
                UUID.randomUUID().toString(), account, id, reference, utc());
        execute(c, "INSERT INTO analyst_case (analyst_reference, case_id, case_open, version) VALUES (?, ?, TRUE, 1)",
                analystReference, id);
        execute(c, "INSERT INTO analyst_case_item (analyst_reference, item_reference) VALUES (?, ?)",
                analystReference, "IT-" + id.substring(0, 8));
        execute(c, "INSERT INTO case_submission (account_id, idempotency_key, request_digest, case_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", account, UUID.randomUUID().toString(), "0".repeat(64), id, utc());
        message(c, "HELPLINE", reference);
        message(c, "ANALYSTS", analystReference);
        return id;
    }

    private void close(Connection c, String caseId) throws SQLException {
        execute(c, "INSERT INTO analyst_case_results (case_id, closed_at, version) VALUES (?, ?, 1)", caseId, utc());
    }

    private String reference(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT case_reference FROM report_case WHERE id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private String claimedMessageAbout(Connection c, String topic, String subject) throws SQLException {
        String id = message(c, topic, subject);
        execute(c, "UPDATE outbox_message SET claim_token = 'held' WHERE id = ?", id);
        return id;
    }

    private String message(Connection c, String topic, String subject) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute(c, "INSERT INTO outbox_message (id, topic, message_type, payload, created_at, available_at, attempts,"
                + " subject_id) VALUES (?, ?, 'TEST', ?, ?, ?, 0, ?)", id, topic, new byte[]{1}, utc(), utc(), subject);
        return id;
    }

    private String ageCheck(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute(c, "INSERT INTO age_check (id, status, nonce_digest, created_at, expires_at) VALUES (?, 'PENDING', ?,"
                + " ?, ?)", id, "0".repeat(64), utc(), now.plusSeconds(600).atOffset(ZoneOffset.UTC));
        return id;
    }

    private static String assertion(Connection c, Instant expiresAt) throws SQLException {
        String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        execute(c, "INSERT INTO used_client_assertion (assertion_key, expires_at) VALUES (?, ?)", key,
                expiresAt.atOffset(ZoneOffset.UTC));
        return key;
    }

    private static void audit(Connection c, String caseId) throws SQLException {
        execute(c, "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id)"
                + " VALUES (nextval('audit_event_seq'), ?, 'young-person', 'a', 'CASE_SUBMITTED', 'CASE', ?)",
                OffsetDateTime.now(ZoneOffset.UTC), caseId);
    }

    private OffsetDateTime utc() {
        return now.atOffset(ZoneOffset.UTC);
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
