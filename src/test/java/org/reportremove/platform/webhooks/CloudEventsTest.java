package org.reportremove.platform.webhooks;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.json.JsonDocuments;

import java.io.StringReader;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The envelope's {@code time}: one shape for every event, in UTC to the millisecond. */
class CloudEventsTest {

    @Test
    void timeAlwaysHasThreeFractionDigitsEvenWhenTheyAreZero() {
        assertEquals("2026-11-30T11:00:00.000Z", timeOf(OffsetDateTime.parse("2026-11-30T11:00:00Z")));
        assertEquals("2026-11-30T11:00:00.100Z", timeOf(OffsetDateTime.parse("2026-11-30T11:00:00.1Z")));
        assertEquals("2026-11-30T11:00:00.123Z", timeOf(OffsetDateTime.parse("2026-11-30T11:00:00.123987Z")),
                "truncated to the millisecond, never rounded up");
    }

    @Test
    void timeIsInUtcWhateverTheOffsetItWasRaisedWith() {
        assertEquals("2026-11-30T23:30:05.007Z", timeOf(OffsetDateTime.parse("2026-12-01T01:30:05.007+02:00")));
    }

    private static String timeOf(OffsetDateTime time) {
        String envelope = CloudEvents.envelope("urn:reportremove:service", "m-1", "notification.due", null, time,
                JsonDocuments.JSON.createObjectBuilder().build());
        JsonObject event = JsonDocuments.JSON.createReader(new StringReader(envelope)).readObject();
        return event.getString("time");
    }
}
