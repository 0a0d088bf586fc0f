package org.reportremove.platform.webhooks;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.reportremove.platform.json.JsonDocuments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The CloudEvents 1.0 structured JSON envelope of an event. Built with JSON-P: the envelope is seven members, and
 * the SDK would add a dependency to write them. The event's id is the outbox message's, the same for every partner
 * a notification goes to (it is one event); the Standard Webhooks {@code webhook-id} tells the deliveries apart.
 */
public final class CloudEvents {

    static final String SPEC_VERSION = "1.0";
    /**
     * UTC to the millisecond, always with three digits: ISO_OFFSET_DATE_TIME drops zero fractions, so one event in a
     * thousand would have had another shape, which strict parsers on the partner's side refuse.
     */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private CloudEvents() {
    }

    /**
     * @param subject what the event is about (a case reference, a notification id), or null
     * @param data    the event's data: ids and flags only
     */
    public static String envelope(String source, String id, String type, String subject, OffsetDateTime time,
                                  JsonObject data) {
        var event = provider().createObjectBuilder()
                .add("specversion", SPEC_VERSION)
                .add("id", id)
                .add("source", source)
                .add("type", type);
        if (subject != null) {
            event.add("subject", subject);
        }
        return event.add("time", TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)))
                .add("datacontenttype", "application/json")
                .add("data", data)
                .build().toString();
    }

    private static JsonProvider provider() {
        return JsonDocuments.JSON;
    }
}
