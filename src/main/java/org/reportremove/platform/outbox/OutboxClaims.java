package org.reportremove.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The claim and acknowledgement SQL, on a connection the caller commits. The same SQL runs on PostgreSQL and H2:
 * {@code FOR UPDATE SKIP LOCKED} lets concurrent claimers (threads or replicas) pass over rows another claimer has
 * locked, and the lease written in the same transaction keeps a claimed row away from others until it runs out.
 * Messages of a higher priority come first, then the oldest.
 * (H2 applies the row limit before skipping locked rows, so a second claimer may find nothing while the first
 * holds the oldest rows; it never finds the same ones. H2 is the single-process development database.)
 */
public final class OutboxClaims {

    private static final String CLAIMABLE = "SELECT id, message_type, payload, attempts, created_at, subject_id FROM outbox_message"
            + " WHERE topic = ? AND available_at <= ? ORDER BY priority DESC, created_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String LEASE = "UPDATE outbox_message SET claim_token = ?, available_at = ?,"
            + " attempts = attempts + 1 WHERE id = ?";
    private static final String ACKNOWLEDGE = "DELETE FROM outbox_message WHERE id = ? AND claim_token = ?";
    private static final String DELIVERED_SUBJECT = "SELECT subject_id FROM outbox_message WHERE id = ?"
            + " AND topic = ? AND claim_token IS NOT NULL FOR UPDATE";
    private static final String ACKNOWLEDGE_DELIVERED = "DELETE FROM outbox_message WHERE id = ?";

    private static final String DISCARD = "DELETE FROM outbox_message WHERE topic = ? AND subject_id = ?";

    private OutboxClaims() {
    }

    /** A message its consumer acknowledged, and what it was about ({@code subjectId}, null for older messages). */
    public record Delivered(String id, String subjectId) {
    }

    /** A claimed row, its payload still sealed, when it was queued and what it is about. */
    public record Claimed(String id, String type, byte[] sealedPayload, String claimToken, int attempts,
                          OffsetDateTime queuedAt, String subjectId) {
    }

    /** Claims up to {@code max} messages of the topic for {@code lease}. The caller commits. */
    public static List<Claimed> claim(Connection connection, Topic topic, int max, Duration lease) throws SQLException {
        return claim(connection, topic, max, lease, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Claims as of {@code now}: only messages available by then. The caller commits. */
    public static List<Claimed> claim(Connection connection, Topic topic, int max, Duration lease, OffsetDateTime now)
            throws SQLException {
        String token = UUID.randomUUID().toString();
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIMABLE)) {
            select.setString(1, topic.name());
            select.setObject(2, now);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getString(1), rows.getString(2), rows.getBytes(3), token,
                            rows.getInt(4) + 1, rows.getObject(5, OffsetDateTime.class), rows.getString(6)));
                }
            }
        }
        if (!claimed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(LEASE)) {
                for (Claimed message : claimed) {
                    update.setString(1, token);
                    update.setObject(2, now.plus(lease));
                    update.setString(3, message.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return claimed;
    }

    /**
     * Deletes a delivered message. False when the claim had lapsed and another worker holds the message now
     * (that worker will deliver it again; consumers are idempotent).
     */
    public static boolean acknowledge(Connection connection, String id, String claimToken) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(ACKNOWLEDGE)) {
            delete.setString(1, id);
            delete.setString(2, claimToken);
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * {@link #acknowledgeDelivered(Connection, Topic, String)} for several messages: one query finds them (and
     * locks them), one batch deletes them.
     *
     * @return the messages deleted, with what each was about
     */
    public static List<Delivered> acknowledgeDelivered(Connection connection, Topic topic, Collection<String> ids)
            throws SQLException {
        List<String> ordered = List.copyOf(ids);
        List<Delivered> found = new ArrayList<>();
        String placeholders = String.join(", ", java.util.Collections.nCopies(ordered.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT id, subject_id FROM outbox_message"
                + " WHERE topic = ? AND claim_token IS NOT NULL AND id IN (" + placeholders + ") FOR UPDATE")) {
            select.setString(1, topic.name());
            for (int i = 0; i < ordered.size(); i++) {
                select.setString(i + 2, ordered.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Delivered(rows.getString(1), rows.getString(2)));
                }
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        try (PreparedStatement delete = connection.prepareStatement(ACKNOWLEDGE_DELIVERED)) {
            for (Delivered delivered : found) {
                delete.setString(1, delivered.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        return found;
    }

    /**
     * Deletes a message that was claimed at least once, under whichever claim. For consumers that acknowledge by
     * message id: a late acknowledgement of a lapsed lease still means the message was delivered.
     */
    public static Optional<Delivered> acknowledgeDelivered(Connection connection, Topic topic, String id)
            throws SQLException {
        String subject;
        try (PreparedStatement select = connection.prepareStatement(DELIVERED_SUBJECT)) {
            select.setString(1, id);
            select.setString(2, topic.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                subject = row.getString(1);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(ACKNOWLEDGE_DELIVERED)) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1 ? Optional.of(new Delivered(id, subject)) : Optional.empty();
        }
    }

    /**
     * Deletes every message about {@code subjectId}, claimed or not, on the caller's connection (for SQL that
     * removes what the messages are about, such as retention): they never leave, and a claimed one whose lease runs
     * out is never offered again.
     */
    public static int discardAll(Connection connection, Topic topic, String subjectId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DISCARD)) {
            delete.setString(1, topic.name());
            delete.setString(2, subjectId);
            return delete.executeUpdate();
        }
    }
}
