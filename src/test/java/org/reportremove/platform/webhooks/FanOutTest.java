package org.reportremove.platform.webhooks;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.json.JsonDocuments;
import org.reportremove.platform.outbox.ClaimedMessage;
import org.reportremove.platform.outbox.Topic;

import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanOutTest {

    private static final OffsetDateTime QUEUED = OffsetDateTime.parse("2026-11-30T12:00:00.123456+01:00");
    private static final String SOURCE = "urn:reportremove:service";

    private final Subscription helpline = subscription("helpline", "case.submitted", "notification.due");
    private final Subscription relay = subscription("relay", "notification.due");

    @Test
    void aHelplineEventGoesToThePartnerItNamesAsACloudEvent() {
        ClaimedMessage message = message(Topic.HELPLINE, "case.submitted", "RR-7K3M-Q9TX",
                "{\"partner\": \"helpline\", \"data\": {\"reference\": \"RR-7K3M-Q9TX\", \"flags\": [\"THREATENED\"]}}");

        List<PlannedDelivery> planned = FanOut.plan(message, List.of(helpline, relay), SOURCE);

        assertEquals(1, planned.size());
        PlannedDelivery delivery = planned.get(0);
        assertEquals("helpline", delivery.partner());
        assertEquals("RR-7K3M-Q9TX", delivery.subjectId());
        assertTrue(delivery.id().matches("msg_[0-9a-f]{32}"));
        assertNull(delivery.reason());
        assertEquals(JsonDocuments.JSON.createReader(new StringReader("""
                {"specversion": "1.0", "id": "m-1", "source": "urn:reportremove:service", "type": "case.submitted",
                 "subject": "RR-7K3M-Q9TX", "time": "2026-11-30T11:00:00.123Z", "datacontenttype": "application/json",
                 "data": {"reference": "RR-7K3M-Q9TX", "flags": ["THREATENED"]}}""")).readObject(), parse(delivery.body()));
    }

    @Test
    void aHelplineEventForAPartnerNotSubscribedToItsTypeBecomesNothing() {
        assertEquals(List.of(), FanOut.plan(message(Topic.HELPLINE, "case.withdrawn", "RR-7K3M-Q9TX",
                "{\"partner\": \"helpline\", \"data\": {}}"), List.of(helpline, relay), SOURCE));
        assertEquals(List.of(), FanOut.plan(message(Topic.HELPLINE, "case.submitted", "RR-7K3M-Q9TX",
                "{\"partner\": \"elsewhere\", \"data\": {}}"), List.of(helpline, relay), SOURCE));
    }

    @Test
    void aHelplineMessageNamingNoPartnerIsRecordedAsUndeliverableByItsSubjectOnly() {
        for (String payload : List.of("{\"reference\": \"RR-7K3M-Q9TX\", \"flags\": [\"THREATENED\"]}",
                "{\"partner\": 7, \"data\": {}}", "{\"partner\": \"helpline\"}", "[1]", "not json")) {
            List<PlannedDelivery> planned = FanOut.plan(message(Topic.HELPLINE, "SAFEGUARDING_FLAG", "RR-7K3M-Q9TX",
                    payload), List.of(helpline, relay), SOURCE);
            assertEquals(1, planned.size(), payload);
            assertEquals(FailureReason.UNDELIVERABLE, planned.get(0).reason());
            assertNull(planned.get(0).partner());
            assertNull(planned.get(0).body());
            assertEquals("RR-7K3M-Q9TX", planned.get(0).subjectId(), "the case it was about, by its reference");
        }
    }

    @Test
    void aDueNotificationGoesToEverySubscriberAsOneEvent() {
        ClaimedMessage message = message(Topic.NOTIFICATIONS, "notification.due", "n-42",
                "{\"notificationId\": \"n-42\"}");

        List<PlannedDelivery> planned = FanOut.plan(message, List.of(helpline, relay), SOURCE);

        assertEquals(Set.of("helpline", "relay"), Set.copyOf(planned.stream().map(PlannedDelivery::partner).toList()));
        assertEquals(planned.get(0).body(), planned.get(1).body());
        assertTrue(!planned.get(0).id().equals(planned.get(1).id()), "one webhook-id per delivery");
        JsonObject event = parse(planned.get(0).body());
        assertEquals("m-1", event.getString("id"));
        assertEquals("{\"notificationId\":\"n-42\"}", event.getJsonObject("data").toString());
        assertEquals(List.of(), FanOut.plan(message, List.of(subscription("other", "case.submitted")), SOURCE));
    }

    @Test
    void signalsWithdrawnFromTheIndustryFeedGoOnlyToThePlatformTheMessageNames() {
        ClaimedMessage message = message(Topic.INDUSTRY, "signals.withdrawn", "batch-7",
                "{\"partner\": \"platform-a\", \"data\": {\"ids\": [\"f-1\", \"f-2\"], \"checkpoint\": \"c-9\"}}");
        Subscription platform = subscription("platform-a", "signals.withdrawn");
        Subscription other = subscription("platform-b", "signals.withdrawn", "notification.due");

        List<PlannedDelivery> planned = FanOut.plan(message, List.of(helpline, platform, other), SOURCE);

        assertEquals(List.of("platform-a"), planned.stream().map(PlannedDelivery::partner).toList(),
                "platform-b takes the type but is not subscribed to these signals' list");
        JsonObject event = parse(planned.get(0).body());
        assertEquals("signals.withdrawn", event.getString("type"));
        assertEquals("{\"ids\":[\"f-1\",\"f-2\"],\"checkpoint\":\"c-9\"}", event.getJsonObject("data").toString());
        assertEquals(List.of(), FanOut.plan(message, List.of(other, subscription("platform-a", "notification.due")),
                SOURCE), "nor does a named platform whose subscription does not take the type");
        assertEquals(List.of(), FanOut.plan(message(Topic.INDUSTRY, "signals.withdrawn", "batch-8",
                        "{\"data\": {\"ids\": [\"f-1\"], \"checkpoint\": \"c-9\"}}"), List.of(platform, other), SOURCE),
                "a message that names no platform goes to none");
        assertEquals(List.of(), FanOut.plan(message(Topic.INDUSTRY, "signals.withdrawn", "batch-8", "not json"),
                List.of(platform), SOURCE), "a message without data becomes nothing");
    }

    private static JsonObject parse(String json) {
        return JsonDocuments.JSON.createReader(new StringReader(json)).readObject();
    }

    private static ClaimedMessage message(Topic topic, String type, String subject, String payload) {
        return new ClaimedMessage("m-1", topic, type, payload, "token", 1, QUEUED, subject);
    }

    private static Subscription subscription(String partner, String... events) {
        return new Subscription(partner, URI.create("https://" + partner + ".example/hooks"),
                List.of(WebhookSecret.parse(WebhookSignatureTest.randomSecret())), Set.of(events));
    }
}
