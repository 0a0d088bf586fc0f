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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private static final String CLAIMABLE = "SELECT id, message_type, payload, attempts FROM outbox_message"
            + " WHERE topic = ? AND available_at <= ? ORDER BY priority DESC, created_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String LEASE = "UPDATE outbox_message SET claim_token = ?, available_at = ?,"
            + " attempts = attempts + 1 WHERE id = ?";
    private static final String ACKNOWLEDGE = "DELETE FROM outbox_message WHERE id = ? AND claim_token = ?";
    private static final String ACKNOWLEDGE_DELIVERED = "DELETE FROM outbox_message WHERE id = ? AND topic = ?"
            + " AND claim_token IS NOT NULL";

    private OutboxClaims() {
    }

    /** A claimed row, its payload still sealed. */
    public record Claimed(String id, String type, byte[] sealedPayload, String claimToken, int attempts) {
    }

    /** Claims up to {@code max} messages of the topic for {@code lease}. The caller commits. */
    public static List<Claimed> claim(Connection connection, Topic topic, int max, Duration lease) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String token = UUID.randomUUID().toString();
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIMABLE)) {
            select.setString(1, topic.name());
            select.setObject(2, now);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getString(1), rows.getString(2), rows.getBytes(3), token,
                            rows.getInt(4) + 1));
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
     * {@link #acknowledgeDelivered(Connection, Topic, String)} for several messages in one round trip.
     *
     * @return the ids that were deleted
     */
    public static Set<String> acknowledgeDelivered(Connection connection, Topic topic, Collection<String> ids)
            throws SQLException {
        List<String> ordered = List.copyOf(ids);
        Set<String> deleted = new HashSet<>();
        try (PreparedStatement delete = connection.prepareStatement(ACKNOWLEDGE_DELIVERED)) {
            for (String id : ordered) {
                delete.setString(1, id);
                delete.setString(2, topic.name());
                delete.addBatch();
            }
            int[] counts = delete.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    deleted.add(ordered.get(i));
                }
            }
        }
        return deleted;
    }

    /**
     * Deletes a message that was claimed at least once, under whichever claim. For consumers that acknowledge by
     * message id: a late acknowledgement of a lapsed lease still means the message was delivered.
     */
    public static boolean acknowledgeDelivered(Connection connection, Topic topic, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(ACKNOWLEDGE_DELIVERED)) {
            delete.setString(1, id);
            delete.setString(2, topic.name());
            return delete.executeUpdate() == 1;
        }
    }
}
