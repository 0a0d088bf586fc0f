package org.reportremove.audit.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hash chain on a real PostgreSQL, each test in a database of its own migrated like the service's.
 */
class AuditChainTest {

    private static final Duration ALERT = Duration.ofSeconds(60);

    private DataSource database;
    private long nextId = 1;

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = TestRun.migratedDatabase("audit");
    }

    @Test
    void emptyTrailIsIntact() throws SQLException {
        AuditVerification result = verify();

        assertTrue(result.intact());
        assertEquals(0, result.linksVerified());
        assertNull(result.firstBrokenLink());
    }

    @Test
    void sealedRowsVerifyAndTheHeadFollowsThem() throws SQLException {
        insertRows(5, Instant.now());

        AuditChain.Sealed sealed = seal(100);
        AuditVerification result = verify();

        assertEquals(5, sealed.count());
        assertEquals(5, sealed.headSeq());
        assertTrue(result.intact());
        assertEquals(5, result.linksVerified());
    }

    @Test
    void sealingInBatchesGivesTheSameChainAsOneRun() throws SQLException {
        insertRows(7, Instant.now());

        assertEquals(3, seal(3).count());
        assertEquals(3, seal(3).count());
        assertEquals(1, seal(3).count());
        assertEquals(0, seal(3).count());
        assertTrue(verify().intact());
        assertEquals(7, verify().linksVerified());
    }

    @Test
    void alteredRowIsTheFirstBrokenLink() throws SQLException {
        insertRows(4, Instant.now());
        seal(100);

        update("UPDATE audit_event SET actor_id = 'someone-else' WHERE seal_seq = 3");
        AuditVerification result = verify();

        assertFalse(result.intact());
        assertEquals(AuditVerification.Break.ROW_ALTERED, result.firstBrokenLink().reason());
        assertEquals(3, result.firstBrokenLink().sealSeq());
        assertEquals(2, result.linksVerified());
    }

    @Test
    void deletedRowInTheMiddleIsAMissingLink() throws SQLException {
        insertRows(4, Instant.now());
        seal(100);

        update("DELETE FROM audit_event WHERE seal_seq = 2");
        AuditVerification result = verify();

        assertFalse(result.intact());
        assertEquals(AuditVerification.Break.ROW_MISSING, result.firstBrokenLink().reason());
        assertEquals(2, result.firstBrokenLink().sealSeq());
    }

    @Test
    void rowsCutFromTheEndAreCaughtByTheHead() throws SQLException {
        insertRows(4, Instant.now());
        seal(100);

        update("DELETE FROM audit_event WHERE seal_seq = 4");
        AuditVerification result = verify();

        assertFalse(result.intact());
        assertEquals(AuditVerification.Break.ROW_MISSING, result.firstBrokenLink().reason());
        assertEquals(4, result.firstBrokenLink().sealSeq());
    }

    @Test
    void rewrittenHeadIsCaught() throws SQLException {
        insertRows(2, Instant.now());
        seal(100);

        update("UPDATE audit_chain_head SET chain_hash = '" + "f".repeat(64) + "' WHERE id = 1");

        assertEquals(AuditVerification.Break.HEAD_ALTERED, verify().firstBrokenLink().reason());
    }

    @Test
    void aBackDatedRowIsChainedButFlaggedForGood() throws SQLException {
        insertRows(3, Instant.now());
        seal(100);
        insertRows(1, Instant.now().minus(Duration.ofDays(30)));
        insertRows(1, Instant.now());

        AuditChain.Sealed sealed = seal(100);

        assertEquals(List.of(4L), sealed.outOfOrder());
        AuditVerification result = verify();
        assertTrue(result.intact(), "the chain itself holds");
        assertEquals(5, result.linksVerified());
        assertEquals(1, result.outOfOrder());
        update("UPDATE audit_event SET out_of_order = FALSE WHERE id = 4");
        assertEquals(AuditVerification.Break.ROW_ALTERED, verify().firstBrokenLink().reason(),
                "the flag is part of the link: clearing it breaks the chain");
    }

    @Test
    void aRowDatedAheadIsFlaggedAndDoesNotMakeTheRowsAfterItLate() throws SQLException {
        insertRows(2, Instant.now());
        insertRows(1, Instant.now().plus(Duration.ofDays(2)));
        seal(100);
        insertRows(2, Instant.now());

        AuditChain.Sealed sealed = seal(100);

        assertEquals(List.of(), sealed.outOfOrder());
        assertEquals(1, verify().outOfOrder());
    }

    @Test
    void aFirstRowDatedAheadIsFlaggedAndLeavesNoYardstick() throws SQLException {
        insertRows(1, Instant.now().plus(Duration.ofDays(2)));

        assertEquals(List.of(1L), seal(100).outOfOrder());
        insertRows(1, Instant.now().minus(Duration.ofDays(1)));
        assertEquals(List.of(), seal(100).outOfOrder(), "with no row in order yet, nothing counts as late");
    }

    @Test
    void aTailCutWithItsHeadRolledBackPassesInsideTheDatabaseButNotAgainstACheckpoint() throws SQLException {
        insertRows(5, Instant.now());
        AuditChain.Sealed sealed = seal(100);
        AuditChainCheckpoint checkpoint = new AuditChainCheckpoint(sealed.headSeq(), sealed.headHash(), Instant.now(),
                "key-1");

        update("DELETE FROM audit_event WHERE seal_seq = 5");
        update("DELETE FROM audit_event WHERE seal_seq = 4");
        update("UPDATE audit_chain_head SET seal_seq = 3, chain_hash = (SELECT chain_hash FROM audit_event"
                + " WHERE seal_seq = 3) WHERE id = 1");

        assertTrue(verify().intact(), "inside the database nothing shows");
        AuditVerification result = verify(checkpoint);
        assertFalse(result.intact());
        assertEquals(AuditVerification.Break.CHECKPOINT_NOT_REACHED, result.firstBrokenLink().reason());
        assertEquals(4, result.firstBrokenLink().sealSeq());
    }

    @Test
    void aChainRebuiltThroughACheckpointsPlaceDoesNotMatchIt() throws SQLException {
        insertRows(3, Instant.now());
        seal(100);
        AuditChainCheckpoint other = new AuditChainCheckpoint(2, "a".repeat(64), Instant.now(), "key-1");

        AuditVerification result = verify(other);

        assertEquals(AuditVerification.Break.CHECKPOINT_MISMATCH, result.firstBrokenLink().reason());
        assertEquals(2, result.firstBrokenLink().sealSeq());
    }

    @Test
    void rowsLeftUnsealedPastTheAlertAreReported() throws SQLException {
        insertRows(2, Instant.now().minus(Duration.ofMinutes(5)));
        insertRows(1, Instant.now());

        AuditVerification result = verify();

        assertTrue(result.intact(), "unsealed rows do not break the chain");
        assertEquals(2, result.unsealedOverdue());
    }

    @Test
    void concurrentSealersNeverChainARowTwice() throws Exception {
        insertRows(400, Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sealers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sealers.add(() -> {
                    int total = 0;
                    int sealed;
                    do {
                        sealed = seal(25).count();
                        total += sealed;
                    } while (sealed > 0);
                    return total;
                });
            }
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(sealers)) {
                total += done.get();
            }
            assertEquals(400, total);
        } finally {
            pool.shutdownNow();
        }
        AuditVerification result = verify();
        assertTrue(result.intact());
        assertEquals(400, result.linksVerified());
    }

    private AuditChain.Sealed seal(int max) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return AuditChain.seal(connection, max);
        }
    }

    private AuditVerification verify() throws SQLException {
        return verify(null);
    }

    private AuditVerification verify(AuditChainCheckpoint checkpoint) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return AuditChain.verify(connection, ALERT, Instant.now(), checkpoint);
        }
    }

    private void insertRows(int count, Instant at) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id)"
                             + " VALUES (?, ?, 'OPERATOR', 'operator-1', 'KEY_ROTATED', 'OPERATION', ?)")) {
            for (int i = 0; i < count; i++) {
                long id = nextId++;
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, "key-" + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate(sql));
        }
    }
}
