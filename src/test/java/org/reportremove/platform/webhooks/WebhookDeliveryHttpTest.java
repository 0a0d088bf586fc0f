package org.reportremove.platform.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportremove.testing.AnalystSide;
import org.reportremove.testing.Api;
import org.reportremove.testing.Metrics;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestDeployment;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;
import org.reportremove.testing.YoungPeople.ReportedCase;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.JsonBodies.parse;
import static org.reportremove.testing.JsonBodies.parseArray;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * Webhooks out, against a server configured with four partners (arquillian.xml, {@code payara-micro-webhooks})
 * whose endpoints are receivers run here. Events come through the real path: a young person's case reaches a
 * milestone, their inbox gets a message, a {@code notification.due} is queued and fanned out to every partner.
 * Signatures are checked with the Standard Webhooks project's own Java library, not with the service's code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookDeliveryHttpTest {

    private static final String HELPLINE = "test-helpline";
    private static final String RELAY = "test-relay";
    private static final String SLOW = "test-slow";
    private static final String PLATFORM = "test-platform";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static WebhookReceiver helpline;
    private static WebhookReceiver relay;
    private static WebhookReceiver slow;
    private static WebhookReceiver platform;

    @ArquillianResource
    URL base;

    private Api api;
    private DataSource database;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-webhooks")
    public static WebArchive application() {
        return TestDeployment.application();
    }

    @BeforeAll
    static void startReceivers() throws Exception {
        helpline = new WebhookReceiver("helpline");
        relay = new WebhookReceiver("relay");
        slow = new WebhookReceiver("slow");
        platform = new WebhookReceiver("platform");
        helpline.start();
        relay.start();
        slow.start();
        platform.start();
    }

    @AfterAll
    static void stopReceivers() {
        helpline.stop();
        relay.stop();
        slow.stop();
        platform.stop();
    }

    @BeforeEach
    void connect() throws Exception {
        api = new Api(base);
        database = TestRun.postgres().getDatabase("postgres", "reportremove");
        for (WebhookReceiver receiver : List.of(helpline, relay, slow, platform)) {
            receiver.status = 200;
            receiver.delayMillis = 0;
        }
    }

    @AfterEach
    void nothingSentReachedTheLog() {
        api.assertLogHoldsNothingSent();
    }

    @Test
    void everyPartnerGetsASignedCloudEventThatTheStandardWebhooksLibraryVerifies() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        ReportedCase reported = YoungPeople.report(api, database, person, 1, "en");
        String notificationId = notificationIdOf(person);

        WebhookReceiver.Received toHelpline = awaitOne(helpline, notificationId);
        WebhookReceiver.Received toRelay = awaitOne(relay, notificationId);

        assertEquals("application/cloudevents+json; charset=utf-8", toHelpline.header("content-type"));
        // The helpline is rotating its secret: the service signs with both, and either verifies on its own.
        assertEquals(2, toHelpline.header("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> verifier("older").verify(toHelpline.body(), toHelpline.headers()));
        assertDoesNotThrow(() -> verifier("newer").verify(toHelpline.body(), toHelpline.headers()));
        assertDoesNotThrow(() -> verifier("newer").verify(toRelay.body(), toRelay.headers()));
        assertThrows(WebhookVerificationException.class,
                () -> verifier("older").verify(toRelay.body(), toRelay.headers()), "the relay's one secret only");
        assertThrows(WebhookVerificationException.class, () -> verifier("newer")
                .verify(toRelay.body().replace(notificationId, UUID.randomUUID().toString()), toRelay.headers()));

        JsonObject event = toHelpline.event();
        assertEquals(Set.of("specversion", "id", "source", "type", "time", "datacontenttype", "data"), event.keySet());
        assertEquals("1.0", event.getString("specversion"));
        assertEquals("urn:reportremove:service", event.getString("source"));
        assertEquals("notification.due", event.getString("type"));
        assertEquals("application/json", event.getString("datacontenttype"));
        assertEquals(object("notificationId", notificationId), event.getJsonObject("data"));
        OffsetDateTime time = OffsetDateTime.parse(event.getString("time"));
        assertTrue(Duration.between(time.toInstant(), Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0);
        assertEquals(event, toRelay.event(), "one event, the same for every partner");
        assertNotEquals(toHelpline.webhookId(), toRelay.webhookId(), "one webhook-id per delivery");
        assertTrue(toHelpline.webhookId().matches("msg_[0-9a-f]{32}"), toHelpline.webhookId());
        for (String never : List.of(reported.reference(), reported.notes(), reported.urls().get(0), person.username(),
                person.accountId())) {
            assertFalse(toHelpline.body().contains(never), "an event holds no case, text, place or account");
        }

        awaitState(toHelpline.webhookId(), "DELIVERED");
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE id = ? AND body IS NOT NULL",
                toHelpline.webhookId()), "a delivered body is not kept");
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE subject_id = ?", notificationId),
                "the outbox message is gone once fanned out");
        String metrics = api.get("/metrics").body();
        assertTrue(Metrics.value(metrics, "reportremove_webhook_attempts", "outcome", "delivered").orElse(0.0) >= 2,
                "deliveries are counted");
        assertTrue(metrics.contains("reportremove_webhook_delivery_delay"), "the delay is measured");
    }

    @Test
    void aRefusedDeliveryIsTriedAgainWithTheSameWebhookIdUntilItIsTaken() throws Exception {
        helpline.status = 503;
        String notificationId = reportAndTellNotificationId(YoungPeople.person(api, "16_17"));

        await(() -> helpline.notificationsFor(notificationId).size() >= 3, "three tries while the helpline refuses");
        helpline.status = 200;
        awaitState(deliveryId(HELPLINE, notificationId), "DELIVERED");

        List<WebhookReceiver.Received> tries = helpline.notificationsFor(notificationId);
        assertEquals(Set.of(deliveryId(HELPLINE, notificationId)),
                Set.copyOf(tries.stream().map(WebhookReceiver.Received::webhookId).toList()),
                "every try carries the same webhook-id");
        assertEquals(200, tries.get(tries.size() - 1).answered());
        assertEquals(1, new HashSet<>(tries.stream().map(WebhookReceiver.Received::body).toList()).size(),
                "the same body every time");
        for (WebhookReceiver.Received attempt : tries) {
            assertDoesNotThrow(() -> verifier("newer").verify(attempt.body(), attempt.headers()));
        }
        assertEquals(tries.size(), count("SELECT attempts FROM webhook_delivery WHERE id = ?",
                deliveryId(HELPLINE, notificationId)));
    }

    @Test
    void aReceiverDownForTenMinutesGetsEveryEventAfterwardsNoneLost() throws Exception {
        // Cases other test classes left in the shared database consented to every helpline: let what they queued
        // for this helpline go first, so that only this test's deliveries wait while it is down.
        await(() -> countQuietly("SELECT COUNT(*) FROM outbox_message WHERE topic = 'HELPLINE'") == 0
                        && countQuietly("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND state = 'PENDING'",
                        HELPLINE) == 0,
                "what earlier cases queued for the helpline is delivered");
        helpline.stop();
        List<String> notificationIds = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                notificationIds.add(reportAndTellNotificationId(YoungPeople.person(api, "13_15")));
            }
            // Seven tries or more each: what ten minutes down means with the production back-off (5 s doubling).
            await(() -> notificationIds.stream().allMatch(id -> attempts(HELPLINE, id) >= 7),
                    "tries go on while the helpline is down");
            for (String notificationId : notificationIds) {
                assertEquals("PENDING", state(deliveryId(HELPLINE, notificationId)));
            }
        } finally {
            helpline.start();
        }
        for (String notificationId : notificationIds) {
            String id = deliveryId(HELPLINE, notificationId);
            awaitState(id, "DELIVERED");
            List<WebhookReceiver.Received> received = helpline.notificationsFor(notificationId);
            assertFalse(received.isEmpty(), "every event arrives once the helpline is back");
            assertEquals(Set.of(id), Set.copyOf(received.stream().map(WebhookReceiver.Received::webhookId).toList()));
        }
    }

    @Test
    void aPartnerAnsweringGoneIsSwitchedOffUntilAnOperatorSwitchesItOnAndReplays() throws Exception {
        String operator = "Bearer " + Tokens.operator(api);
        relay.status = 410;
        String first = reportAndTellNotificationId(YoungPeople.person(api, "16_17"));
        String gone = deliveryId(RELAY, first);
        awaitState(gone, "FAILED");
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_delivery WHERE id = ? AND reason = 'GONE'"
                + " AND last_status = 410", gone));

        JsonObject relayView = subscription(operator, RELAY);
        assertFalse(relayView.getBoolean("enabled"));
        assertEquals("http://127.0.0.1:" + relay.port() + "/hooks", relayView.getString("endpoint"));
        assertEquals(array("notification.due"), relayView.getJsonArray("events"));
        JsonObject helplineView = subscription(operator, HELPLINE);
        assertEquals("http://127.0.0.1:" + helpline.port() + "/hooks/report-remove", helplineView.getString("endpoint"),
                "never the query, which may hold credentials");
        assertEquals(2, helplineView.getInt("secrets"));
        Reply listed = api.get("/api/v1/operator/webhooks/subscriptions", "Authorization", operator);
        assertFalse(listed.body().contains("whsec_") || listed.body().contains("channel=test"), listed.body());

        String second = reportAndTellNotificationId(YoungPeople.person(api, "16_17"));
        awaitState(deliveryId(HELPLINE, second), "DELIVERED");
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?", RELAY,
                second), "a switched-off subscription gets no new deliveries");

        Reply failed = api.get("/api/v1/operator/webhooks/deliveries/failed?partner=" + RELAY, "Authorization", operator);
        assertEquals(200, failed.status(), failed.body());
        JsonObject listedGone = parseArray(failed.body()).getValuesAs(JsonObject.class).stream()
                .filter(delivery -> delivery.getString("id").equals(gone)).findFirst().orElseThrow();
        assertEquals(Set.of("id", "eventId", "partner", "type", "state", "reason", "attempts", "lastStatus",
                "queuedAt", "finishedAt"), listedGone.keySet());
        assertEquals("GONE", listedGone.getString("reason"));
        assertEquals("notification.due", listedGone.getString("type"));

        relay.status = 200;
        Reply enabled = api.post("/api/v1/operator/webhooks/subscriptions/" + RELAY + "/enable", "application/json", "",
                "Authorization", operator);
        assertEquals(200, enabled.status(), enabled.body());
        assertTrue(enabled.json().getBoolean("enabled"));
        Reply replayed = api.post("/api/v1/operator/webhooks/deliveries/" + gone + "/replay", "application/json", "",
                "Authorization", operator);
        assertEquals(parse("{\"replayed\": 1}"), replayed.json());
        awaitState(gone, "DELIVERED");
        WebhookReceiver.Received last = relay.notificationsFor(first).get(relay.notificationsFor(first).size() - 1);
        assertEquals(gone, last.webhookId(), "a replay keeps the webhook-id");
        assertDoesNotThrow(() -> verifier("newer").verify(last.body(), last.headers()));

        problem(409, "delivery-not-replayable", "Only a failed delivery can be replayed")
                .detail("Only a failed delivery can be replayed; this one is DELIVERED.")
                .assertOn(api.post("/api/v1/operator/webhooks/deliveries/" + gone + "/replay", "application/json", "",
                        "Authorization", operator));
        notFound().detail("There is no webhook delivery with this id.").assertOn(api.post(
                "/api/v1/operator/webhooks/deliveries/msg_" + "0".repeat(32) + "/replay", "application/json", "",
                "Authorization", operator));
        notFound().detail("There is no webhook subscription with this id.").assertOn(api.post(
                "/api/v1/operator/webhooks/subscriptions/nobody/enable", "application/json", "",
                "Authorization", operator));

        // All of a partner's failed deliveries at once.
        relay.status = 410;
        String third = reportAndTellNotificationId(YoungPeople.person(api, "16_17"));
        awaitState(deliveryId(RELAY, third), "FAILED");
        relay.status = 200;
        api.post("/api/v1/operator/webhooks/subscriptions/" + RELAY + "/enable", "application/json", "",
                "Authorization", operator);
        Reply all = api.post("/api/v1/operator/webhooks/deliveries/failed/replay?partner=" + RELAY, "application/json",
                "", "Authorization", operator);
        assertEquals(200, all.status(), all.body());
        assertTrue(all.json().getInt("replayed") >= 1);
        awaitState(deliveryId(RELAY, third), "DELIVERED");
    }

    @Test
    void onlyOperatorsSeeOrReplayDeliveries() {
        Person person = YoungPeople.person(api, "16_17");
        unauthenticated().assertOn(api.get("/api/v1/operator/webhooks/subscriptions"));
        forbidden().assertOn(api.get("/api/v1/operator/webhooks/deliveries/failed", "Authorization", person.bearer()));
        forbidden().assertOn(api.post("/api/v1/operator/webhooks/deliveries/failed/replay", "application/json", "",
                "Authorization", "Bearer " + Tokens.counsellor(api, "counsellor-7")));
    }

    @Test
    void aSlowReceiverHoldsUpNeitherYoungPeopleNorOtherPartners() throws Exception {
        slow.delayMillis = 5_000;
        Person person = YoungPeople.person(api, "16_17");
        String notificationId = reportAndTellNotificationId(person);
        await(() -> !slow.notificationsFor(notificationId).isEmpty(), "the slow receiver is being called");
        // While the worker waits on the slow endpoint, a young person's requests are answered as ever.
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            assertEquals(200, api.get("/api/v1/inbox", "Authorization", person.bearer()).status());
            assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(Duration.ofMillis(2_500)) < 0,
                    "a request does not wait for a webhook");
        }
        awaitState(deliveryId(HELPLINE, notificationId), "DELIVERED");
        assertFalse(helpline.notificationsFor(notificationId).isEmpty());
        // The slow endpoint's try ended at the read timeout (1 s here), with no status, and is retried.
        await(() -> attempts(SLOW, notificationId) >= 1, "the slow try is given up on");
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?"
                + " AND last_status IS NOT NULL", SLOW, notificationId));
        slow.delayMillis = 0;
        awaitState(deliveryId(SLOW, notificationId), "DELIVERED");
    }

    @Test
    void aHelplineMessageNamingNoPartnerIsRecordedUndeliverableAndNeverSent() throws Exception {
        // The helpline capability always names the partner; a message without one (left by an older version, or
        // written by mistake) must go nowhere rather than to every subscription.
        String reference = "RR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        queueHelplineEvent(reference, "safeguarding.raised", object("data", object("reference", reference,
                "concerns", array("THREATENED"), "ageBand", "16_17")));

        await(() -> countQuietly("SELECT COUNT(*) FROM webhook_delivery WHERE subject_id = ? AND partner IS NULL"
                + " AND state = 'FAILED' AND reason = 'UNDELIVERABLE' AND body IS NULL", reference) == 1,
                "the safeguarding message is recorded as undeliverable");
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE topic = 'HELPLINE' AND subject_id = ?",
                reference), "and not retried");
        String id = firstString("SELECT id FROM webhook_delivery WHERE subject_id = ? AND partner IS NULL", reference);
        problem(409, "delivery-not-replayable", "Only a failed delivery can be replayed")
                .detail("Only a failed delivery can be replayed; this one is FAILED (UNDELIVERABLE).")
                .assertOn(api.post("/api/v1/operator/webhooks/deliveries/" + id + "/replay", "application/json", "",
                        "Authorization", "Bearer " + Tokens.operator(api)));
        for (WebhookReceiver receiver : List.of(helpline, relay, slow)) {
            assertEquals(List.of(), receiver.containing(reference), "nothing about the case was sent");
        }
    }

    @Test
    void aHelplineEventGoesOnlyToThePartnerItNamesWithItsData() throws Exception {
        // Queued as the helpline capability queues its events (the contract in docs/architecture.md).
        String reference = "RR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        JsonObject data = object("reference", reference, "flags", array("THREATENED"));
        queueHelplineEvent(reference, "case.submitted", object("partner", HELPLINE, "data", data));
        queueHelplineEvent(reference, "case.submitted", object("partner", RELAY, "data", data));
        queueHelplineEvent(reference, "case.submitted", object("partner", "no-such-partner", "data", data));

        await(() -> !helpline.containing(reference).isEmpty(), "the helpline gets its event");
        WebhookReceiver.Received received = helpline.containing(reference).get(0);
        assertDoesNotThrow(() -> verifier("older").verify(received.body(), received.headers()));
        JsonObject event = received.event();
        assertEquals("case.submitted", event.getString("type"));
        assertEquals(reference, event.getString("subject"));
        assertEquals(data, event.getJsonObject("data"));
        awaitState(received.webhookId(), "DELIVERED");
        await(() -> countQuietly("SELECT COUNT(*) FROM outbox_message WHERE topic = 'HELPLINE' AND subject_id = ?",
                reference) == 0, "every message is taken");
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_delivery WHERE subject_id = ?", reference),
                "a partner not subscribed to the type, or with no subscription, gets nothing");
        assertEquals(List.of(), relay.containing(reference));
    }

    @Test
    void aPlatformHearsOfWithdrawnSignalsByFeedIdInASignedEventOfItsOwn() throws Exception {
        // Queued as the industry feed queues a withdrawal (IndustryFeedHttpTest follows a real one to the queue):
        // one message per platform subscribed to the lists that lost signals, naming the platform.
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        JsonObject data = object("ids", array(first, second), "checkpoint", "ck-" + first);
        queue("INDUSTRY", UUID.randomUUID().toString(), "signals.withdrawn", object("partner", PLATFORM, "data",
                data));
        String elsewhere = UUID.randomUUID().toString();
        queue("INDUSTRY", UUID.randomUUID().toString(), "signals.withdrawn", object("partner", "test-platform-b",
                "data", object("ids", array(elsewhere), "checkpoint", "ck-" + elsewhere)));

        await(() -> !platform.containing(first).isEmpty(), "the platform gets the withdrawal");
        WebhookReceiver.Received received = platform.containing(first).get(0);
        assertDoesNotThrow(() -> verifier("newer").verify(received.body(), received.headers()));
        assertThrows(WebhookVerificationException.class, () -> verifier("newer")
                .verify(received.body().replace(second, UUID.randomUUID().toString()), received.headers()));
        JsonObject event = received.event();
        assertEquals(Set.of("specversion", "id", "source", "type", "time", "datacontenttype", "data"), event.keySet(),
                "no subject: a withdrawal names no case");
        assertEquals("signals.withdrawn", event.getString("type"));
        assertEquals(data, event.getJsonObject("data"), "feed ids and a checkpoint, never a signal value");
        awaitState(received.webhookId(), "DELIVERED");
        await(() -> countQuietly("SELECT COUNT(*) FROM outbox_message WHERE topic = 'INDUSTRY'") == 0,
                "both messages are taken");
        for (WebhookReceiver receiver : List.of(helpline, relay, slow, platform)) {
            assertEquals(List.of(), receiver.containing(elsewhere), "a platform with no subscription gets nothing");
        }
        for (WebhookReceiver receiver : List.of(helpline, relay, slow)) {
            assertEquals(List.of(), receiver.containing(first), "partners that are not the platform get nothing");
        }
    }

    @Test
    void aPartnerThatLosesConsentGetsConsentWithdrawnAndNothingElseAboutTheCase() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String reference;
        helpline.stop();
        try {
            Reply submitted = api.postJson("/api/v1/cases", object(
                    "items", array(object("contentType", "PHOTO", "signals", array(
                            object("type", "SHA256", "value", YoungPeople.hex(64)),
                            object("type", "PDQ", "value", YoungPeople.hex(64), "quality", 90)))),
                    "concerns", array("THREATENED"),
                    "consent", object("followUp", true, "partners", array(HELPLINE, "test-helpline-2")),
                    "language", "en"),
                    "Authorization", person.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
            assertEquals(201, submitted.status(), submitted.body());
            String ours = submitted.json().getString("reference");
            reference = ours;
            // case.submitted and safeguarding.raised (and any milestone) wait for the helpline, tried already.
            await(() -> countQuietly("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?"
                    + " AND state = 'PENDING' AND attempts >= 1", HELPLINE, ours) >= 2,
                    "the case's events are tried while the helpline is down");

            // One of them has failed for good (its 24 hours over): an operator must not be able to replay it now.
            // (Its claim cleared too, so that a try in flight cannot record an outcome over it.)
            assertEquals(1, update("UPDATE webhook_delivery SET state = 'FAILED', reason = 'RETRIES_EXHAUSTED',"
                    + " claim_token = NULL, finished_at = now() WHERE id = (SELECT MIN(id) FROM webhook_delivery"
                    + " WHERE partner = ? AND subject_id = ?)", HELPLINE, ours));
            assertEquals(1, count("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?"
                    + " AND state = 'FAILED'", HELPLINE, ours));
            Reply changed = api.sendJson("PUT", "/api/v1/cases/" + reference + "/consent",
                    object("followUp", true, "partners", array("test-helpline-2")), "Authorization", person.bearer());
            assertEquals(200, changed.status(), changed.body());
            assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?"
                    + " AND event_type <> 'consent.withdrawn'", HELPLINE, reference), "what was waiting is taken back");

            // A milestone after the withdrawal: the other partner is still told, this one is not.
            AnalystSide analysts = new AnalystSide(api);
            analysts.receive(firstString("SELECT analyst_reference FROM report_case WHERE case_reference = ?",
                    reference));
            // The inbox message and the helpline's case.progressed are written together when a milestone is told.
            await(() -> api.get("/api/v1/inbox?size=100", "Authorization", person.bearer()).body()
                    .contains("milestone.WITH_ANALYSTS"), "the case reaches a milestone after the withdrawal");
        } finally {
            helpline.start();
        }
        String ours = reference;
        await(() -> helpline.containing(ours).stream().anyMatch(request -> request.answered() == 200),
                "the helpline is told once it is back");
        await(() -> countQuietly("SELECT COUNT(*) FROM outbox_message WHERE topic = 'HELPLINE' AND subject_id = ?",
                ours) == 0 && countQuietly("SELECT COUNT(*) FROM webhook_delivery WHERE subject_id = ?"
                + " AND state = 'PENDING'", ours) == 0, "everything about the case is handled");

        List<WebhookReceiver.Received> received = helpline.containing(reference);
        assertEquals(List.of("consent.withdrawn"), received.stream().map(request -> request.event().getString("type"))
                .distinct().toList(), "nothing queued before the withdrawal, nothing after it");
        WebhookReceiver.Received told = received.get(received.size() - 1);
        assertDoesNotThrow(() -> verifier("older").verify(told.body(), told.headers()));
        assertDoesNotThrow(() -> verifier("newer").verify(told.body(), told.headers()));
        assertEquals(reference, told.event().getString("subject"));
        assertEquals(object("reference", reference), told.event().getJsonObject("data"));
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?",
                HELPLINE, reference), "one delivery to the helpline about the case: consent.withdrawn");
        assertEquals(List.of(), relay.containing(reference));
        assertEquals(List.of(), slow.containing(reference));
    }

    private void queueHelplineEvent(String reference, String type, JsonObject payload) throws Exception {
        queue("HELPLINE", reference, type, payload);
    }

    /** Puts a message in the outbox as the service's capabilities do: payload sealed to the message's id. */
    private void queue(String topic, String subject, String type, JsonObject payload) throws Exception {
        String id = UUID.randomUUID().toString();
        org.reportremove.platform.crypto.Sealer sealer = new org.reportremove.platform.crypto.Sealer(
                org.reportremove.platform.crypto.EncryptionKeys.parse(TestRun.encryptionKeyset()));
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message (id, topic,"
                     + " message_type, payload, created_at, available_at, attempts, priority, subject_id)"
                     + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
            insert.setString(1, id);
            insert.setString(2, topic);
            insert.setString(3, type);
            insert.setBytes(4, sealer.seal(payload.toString(), "outbox:" + id));
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.setString(7, subject);
            insert.executeUpdate();
        }
    }

    private JsonObject subscription(String operator, String partner) {
        Reply reply = api.get("/api/v1/operator/webhooks/subscriptions", "Authorization", operator);
        assertEquals(200, reply.status(), reply.body());
        JsonArray subscriptions = parseArray(reply.body());
        return subscriptions.getValuesAs(JsonObject.class).stream()
                .filter(view -> view.getString("partner").equals(partner)).findFirst().orElseThrow();
    }

    private static Webhook verifier(String secret) {
        return new Webhook(System.getProperty("reportremove.test.webhook.secret-" + secret));
    }

    private String notificationIdOf(Person person) {
        return api.get("/api/v1/accounts/me", "Authorization", person.bearer()).json().getString("notificationId");
    }

    /** Reports a case for {@code person}, which queues a due notification, and answers its notification id. */
    private String reportAndTellNotificationId(Person person) {
        YoungPeople.report(api, database, person, 1, "en");
        return notificationIdOf(person);
    }

    private WebhookReceiver.Received awaitOne(WebhookReceiver receiver, String notificationId) {
        await(() -> !receiver.notificationsFor(notificationId).isEmpty(), "the event arrives");
        return receiver.notificationsFor(notificationId).get(0);
    }

    private void awaitState(String deliveryId, String state) {
        await(() -> state.equals(state(deliveryId)), "delivery reaches " + state);
    }

    private String deliveryId(String partner, String notificationId) {
        await(() -> countQuietly("SELECT COUNT(*) FROM webhook_delivery WHERE partner = ? AND subject_id = ?", partner,
                notificationId) == 1, "the event is fanned out to " + partner);
        return firstString("SELECT id FROM webhook_delivery WHERE partner = ? AND subject_id = ?", partner,
                notificationId);
    }

    private int attempts(String partner, String notificationId) {
        return (int) countQuietly("SELECT COALESCE(MAX(attempts), 0) FROM webhook_delivery WHERE partner = ?"
                + " AND subject_id = ?", partner, notificationId);
    }

    private String state(String deliveryId) {
        return firstString("SELECT state FROM webhook_delivery WHERE id = ?", deliveryId);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                fail("waited " + PATIENCE.toSeconds() + " s for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private long countQuietly(String sql, Object... parameters) {
        try {
            return count(sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String firstString(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
