package org.reportremove.platform.webhooks;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.reportremove.platform.json.JsonDocuments;
import org.reportremove.platform.outbox.ClaimedMessage;
import org.reportremove.platform.outbox.Topic;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which deliveries one outbox message becomes. A helpline message ({@code {"partner": ..., "data": {...}}}) goes to
 * the partner it names, if that partner's subscription is on and takes its type; one that names no partner is
 * recorded as undeliverable. A due notification goes to every subscription that takes {@code notification.due};
 * signals withdrawn from the industry feed ({@code {"partner": ..., "data": {...}}}, one message per platform
 * subscribed to their lists) go to the platform named, if its subscription takes {@code signals.withdrawn}.
 * Anything else becomes nothing.
 */
final class FanOut {

    private FanOut() {
    }

    /** @param subscriptions the subscriptions switched on */
    static List<PlannedDelivery> plan(ClaimedMessage message, Collection<Subscription> subscriptions, String source) {
        if (message.topic() == Topic.NOTIFICATIONS) {
            if (!EventTypes.NOTIFICATION_DUE.equals(message.type())) {
                return List.of();
            }
            String notificationId = message.subjectId() != null ? message.subjectId() : subjectOf(message);
            JsonObject data = JsonDocuments.JSON.createObjectBuilder().add("notificationId", notificationId).build();
            String body = CloudEvents.envelope(source, message.id(), message.type(), null, message.queuedAt(), data);
            return subscriptions.stream().filter(subscription -> subscription.takes(message.type()))
                    .map(subscription -> planned(message, subscription.partner(), notificationId, body))
                    .toList();
        }
        if (message.topic() == Topic.INDUSTRY) {
            // Signals taken out of the industry feed: the platform the message names (subscribed to their list)
            // learns at once, by feed id; a message that names none goes nowhere.
            JsonObject payload = parse(message.payload());
            JsonValue partner = payload == null ? null : payload.get("partner");
            JsonValue data = payload == null ? null : payload.get("data");
            if (!EventTypes.SIGNALS_WITHDRAWN.equals(message.type()) || !(data instanceof JsonObject eventData)
                    || !(partner instanceof jakarta.json.JsonString named)) {
                return List.of();
            }
            String body = CloudEvents.envelope(source, message.id(), message.type(), null, message.queuedAt(),
                    eventData);
            return subscriptions.stream().filter(subscription -> subscription.partner().equals(named.getString())
                            && subscription.takes(message.type()))
                    .map(subscription -> planned(message, subscription.partner(), message.subjectId(), body))
                    .toList();
        }
        if (message.topic() != Topic.HELPLINE) {
            return List.of();
        }
        JsonObject payload = parse(message.payload());
        JsonValue partner = payload == null ? null : payload.get("partner");
        JsonValue data = payload == null ? null : payload.get("data");
        if (!(partner instanceof jakarta.json.JsonString named) || !(data instanceof JsonObject eventData)) {
            return List.of(new PlannedDelivery(newId(), message.id(), null, message.type(), message.subjectId(), null,
                    message.queuedAt(), FailureReason.UNDELIVERABLE));
        }
        String subject = message.subjectId();
        return subscriptions.stream()
                .filter(subscription -> subscription.partner().equals(named.getString())
                        && subscription.takes(message.type()))
                .map(subscription -> planned(message, subscription.partner(), subject, CloudEvents.envelope(
                        source, message.id(), message.type(), subject, message.queuedAt(), eventData)))
                .toList();
    }

    private static PlannedDelivery planned(ClaimedMessage message, String partner, String subject, String body) {
        return new PlannedDelivery(newId(), message.id(), partner, message.type(), subject, body,
                message.queuedAt(), null);
    }

    private static String subjectOf(ClaimedMessage message) {
        JsonObject payload = parse(message.payload());
        return payload == null ? "" : payload.getString("notificationId", "");
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonDocuments.JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException e) {
            return null;
        }
    }

    /** A Standard Webhooks message id: unique per delivery, the same on every try. */
    static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
