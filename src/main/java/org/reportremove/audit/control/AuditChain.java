package org.reportremove.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The hash chain over the audit trail, in plain JDBC so that the service, the operator command and the tests
 * share one implementation.
 *
 * <p>Sealing takes unsealed rows in id order and gives each the next sequence number and
 * {@code SHA-256(previous hash, sequence number, row fields)}. Only sealers take the lock on the chain head;
 * writers never wait for it. Verifying walks the chain in sequence order and reports the first link that does
 * not hold: a changed row (its hash no longer matches), a deleted row (a gap in the sequence) or rows cut from
 * the end (the chain stops before the recorded head).
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final String ROW_COLUMNS = "id, occurred_at, actor_role, actor_id, action, object_type, object_id";

    private AuditChain() {
    }

    /**
     * Seals up to {@code max} unsealed rows in one transaction of its own.
     *
     * @return how many rows were sealed, and the head of the chain after them
     */
    public static Sealed seal(Connection connection, int max) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long seq;
            String previous;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT seal_seq, chain_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_chain_head is missing its row");
                }
                seq = rs.getLong(1);
                previous = rs.getString(2);
            }
            int sealed = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ROW_COLUMNS + " FROM audit_event WHERE seal_seq IS NULL ORDER BY id LIMIT ?");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE audit_event SET seal_seq = ?, chain_hash = ? WHERE id = ? AND seal_seq IS NULL")) {
                select.setInt(1, max);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Row row = Row.read(rs);
                        seq++;
                        previous = link(previous, seq, row);
                        update.setLong(1, seq);
                        update.setString(2, previous);
                        update.setLong(3, row.id);
                        update.addBatch();
                        sealed++;
                    }
                }
                if (sealed > 0) {
                    update.executeBatch();
                }
            }
            if (sealed > 0) {
                try (PreparedStatement head = connection.prepareStatement(
                        "UPDATE audit_chain_head SET seal_seq = ?, chain_hash = ? WHERE id = 1")) {
                    head.setLong(1, seq);
                    head.setString(2, previous);
                    head.executeUpdate();
                }
            }
            connection.commit();
            return new Sealed(sealed, seq, previous);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Walks the chain up to its recorded head and counts rows left unsealed for longer than {@code unsealedAlert}.
     * The head is read first: links the sealer adds while the walk runs lie beyond it and are left for the next
     * verification, so a busy service is never reported as tampered with.
     */
    public static AuditVerification verify(Connection connection, Duration unsealedAlert, Instant now)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams a result set with a cursor only inside a transaction.
        connection.setAutoCommit(false);
        try {
            Head head = readHead(connection);
            if (head == null) {
                long overdue = countUnsealedBefore(connection, now.minus(unsealedAlert));
                connection.commit();
                return new AuditVerification(false, 0,
                        new AuditVerification.BrokenLink(1, null, AuditVerification.Break.HEAD_MISSING), overdue, now);
            }
            long expected = 1;
            String previous = GENESIS;
            AuditVerification.BrokenLink broken = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ROW_COLUMNS + ", seal_seq, chain_hash FROM audit_event"
                            + " WHERE seal_seq IS NOT NULL AND seal_seq <= ? ORDER BY seal_seq")) {
                select.setLong(1, head.seq());
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Row row = Row.read(rs);
                        long seq = rs.getLong("seal_seq");
                        String stored = rs.getString("chain_hash");
                        if (seq != expected) {
                            broken = new AuditVerification.BrokenLink(expected, null,
                                    AuditVerification.Break.ROW_MISSING);
                            break;
                        }
                        if (!link(previous, seq, row).equals(stored)) {
                            broken = new AuditVerification.BrokenLink(seq, row.id,
                                    AuditVerification.Break.ROW_ALTERED);
                            break;
                        }
                        previous = stored;
                        expected++;
                    }
                }
            }
            long verified = expected - 1;
            if (broken == null && verified < head.seq()) {
                broken = new AuditVerification.BrokenLink(verified + 1, null, AuditVerification.Break.ROW_MISSING);
            } else if (broken == null && !head.hash().equals(previous)) {
                broken = new AuditVerification.BrokenLink(head.seq(), null, AuditVerification.Break.HEAD_ALTERED);
            }
            long overdue = countUnsealedBefore(connection, now.minus(unsealedAlert));
            connection.commit();
            return new AuditVerification(broken == null, verified, broken, overdue, now);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private record Head(long seq, String hash) {
    }

    private static Head readHead(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT seal_seq, chain_hash FROM audit_chain_head WHERE id = 1");
             ResultSet rs = head.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
        }
    }

    private static long countUnsealedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM audit_event WHERE seal_seq IS NULL AND occurred_at < ?")) {
            count.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@code SHA-256} over the previous hash, the sequence number and the row, each field length-prefixed. */
    static String link(String previous, long seq, Row row) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, previous);
        field(canonical, Long.toString(seq));
        field(canonical, Long.toString(row.id));
        field(canonical, Long.toString(row.occurredAtMillis));
        field(canonical, row.actorRole);
        field(canonical, row.actorId);
        field(canonical, row.action);
        field(canonical, row.objectType);
        field(canonical, row.objectId);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }

    /** The outcome of one sealing run: rows sealed, and the chain's head after them. */
    public record Sealed(int count, long headSeq, String headHash) {
    }

    /** The chained fields of one row. */
    record Row(long id, long occurredAtMillis, String actorRole, String actorId, String action, String objectType,
               String objectId) {

        static Row read(ResultSet rs) throws SQLException {
            OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
            return new Row(rs.getLong("id"), at.toInstant().toEpochMilli(), rs.getString("actor_role"),
                    rs.getString("actor_id"), rs.getString("action"), rs.getString("object_type"),
                    rs.getString("object_id"));
        }
    }
}
