package org.reportremove.testing;

import jakarta.json.JsonObject;
import org.reportremove.platform.crypto.EncryptionKeys;
import org.reportremove.platform.crypto.Sealer;

import javax.sql.DataSource;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the service's outbox as the consumers would, decrypting each payload with the test run's keyset.
 * Payloads are sealed, so a test cannot pick its own messages in SQL: it reads a topic and keeps the messages
 * that name its own data (its analyst reference, its case reference, its hashes), never counting the others.
 */
public final class QueuedMessages {

    private QueuedMessages() {
    }

    /** One queued message: its id (the package id, for the analysts' topic) and its payload. */
    public record Message(String id, JsonObject payload) {
    }

    /** The messages of a topic that match, in the order they were queued. */
    public static List<Message> of(DataSource database, String topic, Predicate<JsonObject> ours) {
        try {
            Sealer sealer = new Sealer(EncryptionKeys.parse(TestRun.encryptionKeyset()));
            List<Message> messages = new ArrayList<>();
            try (Connection connection = database.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT id, payload FROM outbox_message WHERE topic = ? ORDER BY created_at, id")) {
                select.setString(1, topic);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        JsonObject payload = JsonBodies.parse(sealer.open(rows.getBytes(2), "outbox:" + id));
                        if (ours.test(payload)) {
                            messages.add(new Message(id, payload));
                        }
                    }
                }
            }
            return messages;
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException("the outbox could not be read", e);
        }
    }

    /** The payloads of a topic that match. */
    public static List<JsonObject> payloads(DataSource database, String topic, Predicate<JsonObject> ours) {
        return of(database, topic, ours).stream().map(Message::payload).toList();
    }

    /** The messages for the analyst side about one case, known by its analyst reference. */
    public static List<Message> forAnalysts(DataSource database, String analystReference) {
        return of(database, "ANALYSTS", p -> analystReference.equals(p.getString("analystReference", null)));
    }
}
