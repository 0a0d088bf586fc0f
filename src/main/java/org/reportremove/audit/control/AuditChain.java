package org.reportremove.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over the audit trail, in plain JDBC so that the service, the operator command and the tests
 * share one implementation.
 *
 * <p>Sealing takes unsealed rows in id order and gives each the next sequence number and
 * {@code SHA-256(previous hash, sequence number, row fields)}. Only sealers take the lock on the chain head;
 * writers never wait for it. Verifying walks the chain in sequence order and reports the first link that does
 * not hold: a changed row (its hash no longer matches), a deleted row (a gap in the sequence) or rows cut from
 * the end (the chain stops before the recorded head, or before a signed checkpoint kept outside the database).
 *
 * <p>A row dated more than {@link #ORDER_TOLERANCE} before the latest row already sealed, or after the sealing
 * time, is chained with an out-of-order flag that is part of its link: a row back-dated by someone writing to the
 * table directly is chained like any other, but it says so for good.
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    /**
     * How far a row may lag behind those sealed before it: a row is dated when it is written and sealed within
     * seconds of its commit, so only a transaction open this long, or a row written with a date of its choosing,
     * lags more.
     */
    static final Duration ORDER_TOLERANCE = Duration.ofMinutes(10);
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
            OffsetDateTime sealedUntil;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT seal_seq, chain_hash, sealed_until FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_chain_head is missing its row");
                }
                seq = rs.getLong(1);
                previous = rs.getString(2);
                sealedUntil = rs.getObject(3, OffsetDateTime.class);
            }
            Instant now = Instant.now();
            int sealed = 0;
            List<Long> outOfOrder = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ROW_COLUMNS + " FROM audit_event WHERE seal_seq IS NULL ORDER BY id LIMIT ?");
                 PreparedStatement update = connection.prepareStatement("UPDATE audit_event SET seal_seq = ?,"
                         + " chain_hash = ?, out_of_order = ? WHERE id = ? AND seal_seq IS NULL")) {
                select.setInt(1, max);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Row read = Row.read(rs);
                        Instant at = Instant.ofEpochMilli(read.occurredAtMillis);
                        boolean late = sealedUntil != null && at.isBefore(sealedUntil.toInstant().minus(ORDER_TOLERANCE));
                        boolean early = at.isAfter(now.plus(ORDER_TOLERANCE));
                        Row row = read.flagged(late || early);
                        if (row.outOfOrder) {
                            outOfOrder.add(row.id);
                        } else if (sealedUntil == null || at.isAfter(sealedUntil.toInstant())) {
                            // Only rows in order move the yardstick: a row dated in the future must not make
                            // every honest row after it look late.
                            sealedUntil = at.atOffset(ZoneOffset.UTC);
                        }
                        seq++;
                        previous = link(previous, seq, row);
                        update.setLong(1, seq);
                        update.setString(2, previous);
                        update.setBoolean(3, row.outOfOrder);
                        update.setLong(4, row.id);
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
                        "UPDATE audit_chain_head SET seal_seq = ?, chain_hash = ?, sealed_until = ? WHERE id = 1")) {
                    head.setLong(1, seq);
                    head.setString(2, previous);
                    if (sealedUntil == null) {
                        // Only rows dated ahead were sealed so far: there is no yardstick yet.
                        head.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        head.setObject(3, sealedUntil);
                    }
                    head.executeUpdate();
                }
            }
            connection.commit();
            return new Sealed(sealed, seq, previous, List.copyOf(outOfOrder));
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
        return verify(connection, unsealedAlert, now, null);
    }

    /**
     * Walks the chain as {@link #verify(Connection, Duration, Instant)} does, and also against a checkpoint of the
     * head kept outside the database: the chain must reach it, and its link at that place must be the one the
     * checkpoint names. A chain cut back and given a matching head passes every check inside the database; it
     * fails this one.
     *
     * @param checkpoint a verified checkpoint, or null
     */
    public static AuditVerification verify(Connection connection, Duration unsealedAlert, Instant now,
                                           AuditChainCheckpoint checkpoint) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams a result set with a cursor only inside a transaction.
        connection.setAutoCommit(false);
        try {
            Head head = readHead(connection);
            if (head == null) {
                long overdue = countUnsealedBefore(connection, now.minus(unsealedAlert));
                connection.commit();
                return new AuditVerification(false, 0,
                        new AuditVerification.BrokenLink(1, null, AuditVerification.Break.HEAD_MISSING), overdue, 0,
                        now);
            }
            long expected = 1;
            String previous = GENESIS;
            AuditVerification.BrokenLink broken = null;
            long outOfOrder = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ROW_COLUMNS + ", out_of_order, seal_seq, chain_hash FROM audit_event"
                            + " WHERE seal_seq IS NOT NULL AND seal_seq <= ? ORDER BY seal_seq")) {
                select.setLong(1, head.seq());
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Row row = Row.read(rs).flagged(rs.getBoolean("out_of_order"));
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
                        if (checkpoint != null && seq == checkpoint.seq() && !stored.equals(checkpoint.hash())) {
                            broken = new AuditVerification.BrokenLink(seq, row.id,
                                    AuditVerification.Break.CHECKPOINT_MISMATCH);
                            break;
                        }
                        if (row.outOfOrder) {
                            outOfOrder++;
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
            } else if (broken == null && checkpoint != null && verified < checkpoint.seq()) {
                broken = new AuditVerification.BrokenLink(verified + 1, null,
                        AuditVerification.Break.CHECKPOINT_NOT_REACHED);
            }
            long overdue = countUnsealedBefore(connection, now.minus(unsealedAlert));
            connection.commit();
            return new AuditVerification(broken == null, verified, broken, overdue, outOfOrder, now);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The end of the sealed chain: its last sequence number and link. */
    public record Head(long seq, String hash) {
    }

    /** The chain's head as recorded now, or null when its row is gone. */
    public static Head readHead(Connection connection) throws SQLException {
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
        if (row.outOfOrder) {
            // Only flagged rows carry the extra field, so every link sealed before the flag existed still holds.
            field(canonical, "out-of-order");
        }
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

    /** The outcome of one sealing run: rows sealed, the chain's head after them, and the rows flagged. */
    public record Sealed(int count, long headSeq, String headHash, List<Long> outOfOrder) {
    }

    /** The chained fields of one row. */
    record Row(long id, long occurredAtMillis, String actorRole, String actorId, String action, String objectType,
               String objectId, boolean outOfOrder) {

        static Row read(ResultSet rs) throws SQLException {
            OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
            return new Row(rs.getLong("id"), at.toInstant().toEpochMilli(), rs.getString("actor_role"),
                    rs.getString("actor_id"), rs.getString("action"), rs.getString("object_type"),
                    rs.getString("object_id"), false);
        }

        Row flagged(boolean flag) {
            return new Row(id, occurredAtMillis, actorRole, actorId, action, objectType, objectId, flag);
        }
    }
}
