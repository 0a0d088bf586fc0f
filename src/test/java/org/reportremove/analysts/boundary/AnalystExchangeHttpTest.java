package org.reportremove.analysts.boundary;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.analysts.bundle.Bundle;
import org.reportremove.analysts.bundle.BundleFormat;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.ProblemAssert;
import org.reportremove.testing.QueuedMessages;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;
import org.reportremove.testing.YoungPeople.ReportedCase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.arrayOf;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.JsonBodies.parse;
import static org.reportremove.testing.ProblemAssert.assertInvalidFields;
import static org.reportremove.testing.ProblemAssert.assertProblem;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.malformedJson;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * The analyst side's online exchange against the deployed service and PostgreSQL: leases (priority, concurrency,
 * expiry), acknowledgements, every kind of result event, duplicates, any order, rejections, withdrawn cases, and
 * the scan of what leaves for anything the young person typed or that names them.
 */
class AnalystExchangeHttpTest extends DeployedServiceTest {

    static final String LEASE = "/api/v1/analyst/packages/lease";
    static final String ACKNOWLEDGEMENTS = "/api/v1/analyst/packages/acknowledgements";
    static final String RESULTS = "/api/v1/analyst/results";
    static final String JSON = "application/json";
    static final String BUNDLES = "/api/v1/operator/analyst-bundles";
    static final String NOT_JSON = "The request body is not well-formed JSON, or not the JSON object this endpoint expects.";
    /** Enough rounds to lease whatever other tests left behind, and a stop should leasing never run dry. */
    private static final int MAX_ROUNDS = 2000;

    private String analyst;

    @BeforeEach
    void connect() {
        analyst = "Bearer " + Tokens.clientToken(api, "test-analyst", null);
    }

    @Test
    void leasedPackagesHoldOnlyWhatMayCrossAndNothingThatNamesTheYoungPerson() throws Exception {
        Person person = YoungPeople.person(api, "UNDER_13");
        ReportedCase reported = YoungPeople.report(api, database, person, 2);

        List<String> raw = new ArrayList<>();
        JsonObject found = leaseUntil(p -> p.getString("analystReference").equals(reported.analystReference()), raw);

        assertEquals(1, found.getInt("schemaVersion"));
        assertEquals("CASE_SUBMITTED", found.getString("type"));
        assertEquals("UNDER_13", found.getString("ageBand"));
        assertEquals(List.of("KNOWS_WHO", "UNDER_13", "SELF_DECLARED_AGE"), strings(found.getJsonArray("priorityFlags")));
        OffsetDateTime hour = OffsetDateTime.parse(found.getString("hour"));
        assertEquals(0, hour.getMinute() + hour.getSecond() + hour.getNano(), "rounded to the hour");
        assertEquals(reported.itemReferences(), found.getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("itemReference")).toList());
        assertEquals(Set.of("itemReference", "contentType", "signals"), found.getJsonArray("items").getJsonObject(0).keySet());
        assertEquals(array(object("kind", "URL", "url", reported.urls().get(0)),
                        object("kind", "URL", "url", reported.urls().get(1)),
                        object("kind", "PLATFORM", "platform", "DISCORD", "name", reported.platformName())),
                found.getJsonArray("locations"));
        assertEquals(Set.of("schemaVersion", "packageId", "type", "analystReference", "hour", "ageBand",
                "priorityFlags", "items", "locations"), found.keySet());
        assertNothingNamesThem(String.join("\n", raw), person, reported);
        assertEquals(204, ack(found.getString("packageId")).status());
    }

    @Test
    void anAcknowledgedPackageIsGoneAndABadIdIsAProblem() {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        JsonObject leased = leaseUntil(p -> p.getString("analystReference").equals(reported.analystReference()), null);

        Reply first = ack(leased.getString("packageId"));
        assertEquals(204, first.status(), first.body());
        ProblemAssert.Expected notLeased = notFound()
                .detail("No leased package has this id. It may have been acknowledged already.");
        notLeased.assertOn(ack(leased.getString("packageId")));
        notLeased.assertOn(ack(UUID.randomUUID().toString()));
        assertProblem(ack("not-a-package"), 400, "invalid-parameter", "A path or query parameter is not valid",
                "packageId must be a package id from a lease.");
    }

    @Test
    void aLeaseIsAcknowledgedInOneRequestAnsweredPerPackage() throws Exception {
        ReportedCase one = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        ReportedCase two = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        Map<String, String> mine = leaseAll(Set.of(one.analystReference(), two.analystReference()));
        String first = mine.get(one.analystReference());
        String second = mine.get(two.analystReference());
        String never = UUID.randomUUID().toString();

        // Bad input first: nothing of the batch is acknowledged.
        assertInvalidFields(acknowledgeAll(array(first, "Package 7 of 9", second.toUpperCase(Locale.ROOT))),
                "packageIds[1]", "must be a package id from a lease",
                "packageIds[2]", "must be a package id from a lease");
        assertInvalidFields(acknowledgeAll(array()), "packageIds", "must hold 1 to 500 package ids");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        assertInvalidFields(acknowledgeAll(arrayOf(tooMany)), "packageIds", "must hold 1 to 500 package ids");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE id = ?", first), "still held");

        Reply acknowledged = acknowledgeAll(array(first, second, first, never));
        assertEquals(200, acknowledged.status(), acknowledged.body());
        assertEquals(object("acknowledged", 2, "notFound", 1, "results", array(
                object("packageId", first, "status", "acknowledged"),
                object("packageId", second, "status", "acknowledged"),
                object("packageId", never, "status", "not-found"))), acknowledged.json());
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE id IN (?, ?)", first, second));

        Reply again = acknowledgeAll(array(second));
        assertEquals(object("acknowledged", 0, "notFound", 1, "results", array(
                object("packageId", second, "status", "not-found"))), again.json(), "a retry: treat as done");
        unauthenticated().assertOn(api.postJson(ACKNOWLEDGEMENTS, object("packageIds", array(first))));
    }

    @Test
    void aFoundItemNamingAnotherCasesItemReferenceIsRejectedAndTheBatchGoesOn() throws Exception {
        ReportedCase one = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        ReportedCase two = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String id = UUID.randomUUID().toString();
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0).toString();
        String fresh = org.reportremove.cases.entity.ItemReference.generate().value();

        JsonObject answer = results(object("events", array(
                event(id + "-taken", "ITEM_FOUND", two.analystReference(), one.itemReferences().get(0),
                        "contentType", "PHOTO", "signals", array(object("type", "SHA256", "value",
                                YoungPeople.hex(64))), "at", at),
                event(id + "-new", "ITEM_FOUND", two.analystReference(), fresh, "contentType", "PHOTO",
                        "signals", array(object("type", "SHA256", "value", YoungPeople.hex(64))), "at", at))));

        assertEquals(object("applied", 1, "duplicate", 0, "ignored", 0, "rejected", 1, "results", array(
                rejected(id + "-taken", "ITEM_REFERENCE_TAKEN", "itemReference: another case holds an item with"
                        + " this reference; a found item needs a new one"),
                object("eventId", id + "-new", "status", "applied"))), answer);
        assertEquals(1, count("SELECT COUNT(*) FROM case_item WHERE item_reference = ?",
                one.itemReferences().get(0)), "the other case's item is untouched");
    }

    @Test
    void packagesAreLeasedInTheOrderOfTheirFlagsThenOldestFirst() throws Exception {
        // Every test account is self-declared and every test case names who did it (KNOWS_WHO): an UNDER_13 one
        // adds a flag that comes before KNOWS_WHO, so it overtakes older packages.
        ReportedCase olderFlagged = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        ReportedCase under13 = YoungPeople.report(api, database, YoungPeople.person(api, "UNDER_13"), 1);
        ReportedCase newerFlagged = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);

        List<JsonObject> leased = leaseOneByOneUntilNoneIsLeft();
        List<String> order = leased.stream().map(p -> p.getString("analystReference"))
                .filter(Set.of(olderFlagged.analystReference(), under13.analystReference(),
                        newerFlagged.analystReference())::contains).toList();
        acknowledgeEach(leased);

        assertEquals(List.of(under13.analystReference(), olderFlagged.analystReference(),
                newerFlagged.analystReference()), order, "UNDER_13 first, then the same flags oldest first");
    }

    @Test
    void leasesTakeOneTo500AndOnlyTheAnalystExchange() {
        for (int max : new int[]{0, 501, -1}) {
            assertInvalidFields(api.postJson(LEASE, object("max", max), "Authorization", analyst),
                    "max", "must be 1 to 500");
        }
        assertInvalidFields(api.postJson(LEASE, object(), "Authorization", analyst), "max", "is required: 1 to 500");
        malformedJson().detail(NOT_JSON).assertOn(api.post(LEASE, JSON, "{\"max\": ", "Authorization", analyst));
        unauthenticated().assertOn(api.postJson(LEASE, object("max", 5)));
        Person person = YoungPeople.person(api, "16_17");
        forbidden().assertOn(api.postJson(LEASE, object("max", 5), "Authorization", person.bearer()));
        forbidden().assertOn(api.postJson(LEASE, object("max", 5), "Authorization", "Bearer " + Tokens.operator(api)));
        forbidden().assertOn(api.postJson(RESULTS, object("events", array()), "Authorization", person.bearer()));
    }

    @Test
    void twoPullersAtOnceNeverGetTheSamePackage() throws Exception {
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ours.add(YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1).analystReference());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<JsonObject>>> pullers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            // Each puller takes small batches until nothing is left to lease: packages other tests left behind
            // may come too, and are simply acknowledged afterwards.
            pullers.add(pool.submit(() -> {
                start.await();
                List<JsonObject> leased = new ArrayList<>();
                for (int round = 0; round < MAX_ROUNDS; round++) {
                    JsonArray batch = lease(2).getJsonArray("packages");
                    if (batch.isEmpty()) {
                        break;
                    }
                    batch.forEach(pk -> leased.add(pk.asJsonObject()));
                }
                return leased;
            }));
        }
        start.countDown();
        List<JsonObject> all = new ArrayList<>();
        for (Future<List<JsonObject>> puller : pullers) {
            all.addAll(puller.get());
        }
        pool.shutdown();

        List<JsonObject> mine = all.stream().filter(p -> ours.contains(p.getString("analystReference"))).toList();
        assertEquals(ours, mine.stream().map(p -> p.getString("analystReference")).collect(Collectors.toSet()),
                "every package leased");
        assertEquals(12, mine.size(), "none leased twice");
        assertEquals(12, mine.stream().map(p -> p.getString("packageId")).distinct().count(), "each its own id");
        mine.forEach(p -> assertEquals(204, ack(p.getString("packageId")).status()));
        all.stream().filter(p -> !mine.contains(p)).forEach(p -> ack(p.getString("packageId")));
    }

    @Test
    void anExpiredLeaseMakesThePackageAvailableAgainAndPriorityComesFirst() throws Exception {
        ReportedCase older = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        ReportedCase newer = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        // Every test account is self-declared, so both carry a priority flag: take it off the older one.
        List<QueuedMessages.Message> olderPackage = QueuedMessages.forAnalysts(database, older.analystReference());
        assertEquals(1, olderPackage.size());
        assertEquals(1, execute("UPDATE outbox_message SET priority = 0 WHERE id = ?", olderPackage.get(0).id()));

        // One at a time, until nothing is left: other tests' leftovers come in between, in the same order.
        List<JsonObject> leased = leaseOneByOneUntilNoneIsLeft();
        List<String> order = leased.stream().map(p -> p.getString("analystReference")).toList();
        assertTrue(order.contains(newer.analystReference()) && order.contains(older.analystReference()), "both leased");
        assertTrue(order.indexOf(newer.analystReference()) < order.indexOf(older.analystReference()),
                "priority before age");
        JsonObject first = leased.get(order.indexOf(newer.analystReference()));
        JsonObject second = leased.get(order.indexOf(older.analystReference()));
        leased.stream().filter(p -> p != first && p != second).forEach(p -> ack(p.getString("packageId")));
        List<JsonObject> rest = leaseOneByOneUntilNoneIsLeft();
        assertTrue(rest.stream().map(p -> p.getString("packageId")).noneMatch(id -> id.equals(first.getString("packageId"))
                || id.equals(second.getString("packageId"))), "both are held");
        rest.forEach(p -> ack(p.getString("packageId")));

        assertEquals(1, execute("UPDATE outbox_message SET available_at = now() - interval '1 second' WHERE id = ?",
                second.getString("packageId")));
        JsonObject again = leaseUntil(p -> p.getString("analystReference").equals(older.analystReference()), null);
        assertEquals(second, again, "the same package, with the same id");
        assertEquals(204, ack(first.getString("packageId")).status());
        assertEquals(204, ack(second.getString("packageId")).status());
    }

    @Test
    void everyKindOfResultEventIsAppliedOnceInAnyOrderWithAnAuditEntryAndShowsAsProgress() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        ReportedCase reported = YoungPeople.report(api, database, person, 2);
        assertEquals(parse("""
                {"stage": "RECEIVED", "placesReported": 0, "placesRemoved": 0, "placesRemovedAgain": 0,
                 "platformsBlocking": 0, "uploadsBlocked": 0, "copiesTakenDown": 0}
                """), progressOf(person, reported));
        String ar = reported.analystReference();
        String item1 = reported.itemReferences().get(0);
        String item2 = reported.itemReferences().get(1);
        String url = reported.urls().get(0);
        String prefix = UUID.randomUUID().toString();
        // REMOVED arrives before its NOTICE_SENT, and the closure first of all.
        JsonObject batch = object("events", array(
                event(prefix + "-close", "CASE_CLOSED", ar, null, "at", "2025-05-03T09:00:00Z"),
                event(prefix + "-removed", "REMOVAL_ACTION", ar, item1,
                        "action", "REMOVED", "location", url, "at", "2025-05-02T09:00:00Z"),
                event(prefix + "-notice", "REMOVAL_ACTION", ar, item1,
                        "action", "NOTICE_SENT", "location", url, "at", "2025-05-01T09:00:00Z"),
                event(prefix + "-a1", "ASSESSMENT", ar, item1,
                        "outcome", "ACTIONABLE", "category", "B", "at", "2025-05-01T08:00:00+01:00"),
                event(prefix + "-a2", "ASSESSMENT", ar, item2,
                        "outcome", "NOT_ACTIONABLE", "reasonCode", "AGE_NOT_ESTABLISHED", "at", "2025-05-01T08:00:00Z"),
                event(prefix + "-a3", "ASSESSMENT", ar, item2, "outcome", "NOT_FOUND", "at", "2025-04-30T08:00:00Z"),
                event(prefix + "-shared", "REMOVAL_ACTION", ar, item1,
                        "action", "HASH_SHARED", "listName", "industry-list-1", "at", "2025-05-01T10:00:00Z"),
                event(prefix + "-blocked", "REMOVAL_ACTION", ar, null,
                        "action", "UPLOADS_BLOCKED", "count", 11, "platform", "INSTAGRAM", "at", "2025-05-02T10:00:00Z"),
                event(prefix + "-back", "REMOVAL_ACTION", ar, item1,
                        "action", "REAPPEARED", "location", reported.urls().get(1), "at", "2025-05-02T11:00:00Z")));

        JsonObject answer = results(batch);
        assertEquals(9, answer.getInt("applied"), answer.toString());
        assertEquals(0, answer.getInt("duplicate") + answer.getInt("ignored") + answer.getInt("rejected"));
        assertEquals(prefix + "-close", answer.getJsonArray("results").getJsonObject(0).getString("eventId"));
        assertEquals(Set.of("eventId", "status"), answer.getJsonArray("results").getJsonObject(0).keySet());

        JsonObject replay = results(batch);
        assertEquals(9, replay.getInt("duplicate"), replay.toString());
        assertEquals(0, replay.getInt("applied"));

        assertEquals(List.of("CASE_SUBMITTED", "ANALYST_CASE_CLOSED", "ANALYST_REMOVAL_RECORDED",
                "ANALYST_REMOVAL_RECORDED", "ANALYST_ASSESSMENT_RECORDED", "ANALYST_ASSESSMENT_RECORDED",
                "ANALYST_ASSESSMENT_RECORDED", "ANALYST_REMOVAL_RECORDED", "ANALYST_REMOVAL_RECORDED",
                "ANALYST_REMOVAL_RECORDED"), auditActionsFor(reported.reference()));
        assertEquals(3, assessmentsOf(reported));
        assertEquals(List.of(), DatabaseScan.findAnyOf(database, List.of(url)), "locations are stored sealed");

        // Both items were assessed; removal was asked for at two places, one is gone and the other came back.
        assertEquals(parse("""
                {"stage": "CLOSED", "placesReported": 2, "placesRemoved": 1, "placesRemovedAgain": 0,
                 "platformsBlocking": 1, "uploadsBlocked": 11, "copiesTakenDown": 0}
                """), progressOf(person, reported));
        String view = api.get("/api/v1/cases/" + reported.reference(), "Authorization", person.bearer()).body();
        assertFalse(view.contains("category") || view.contains("ACTIONABLE") || view.contains("industry-list-1"),
                "the young person never sees how it was graded or which list holds it");
    }

    private JsonObject progressOf(Person person, ReportedCase reported) {
        Reply view = api.get("/api/v1/cases/" + reported.reference(), "Authorization", person.bearer());
        assertEquals(200, view.status(), view.body());
        return view.json().getJsonObject("progress");
    }

    @Test
    void badEventsAreRejectedOneByOneAndTheGoodOnesStillApply() throws Exception {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        ReportedCase other = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String ar = reported.analystReference();
        String item = reported.itemReferences().get(0);
        String p = UUID.randomUUID().toString().substring(0, 8);
        String at = "2025-05-01T08:00:00Z";
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
        JsonObject answer = results(object("events", array(
                event(p + "-unknown", "ASSESSMENT", "AR-0000-0000-0000-0000", item, "outcome", "NOT_FOUND", "at", at),
                event(p + "-elsewhere", "ASSESSMENT", ar, other.itemReferences().get(0), "outcome", "NOT_FOUND", "at", at),
                event(p + "-nocat", "ASSESSMENT", ar, item, "outcome", "ACTIONABLE", "at", at),
                event(p + "-catnf", "ASSESSMENT", ar, item, "outcome", "NOT_FOUND", "category", "A", "at", at),
                event(p + "-future", "CASE_CLOSED", ar, null, "at", future),
                event(p + "-ftp", "REMOVAL_ACTION", ar, item,
                        "action", "NOTICE_SENT", "location", "ftp://example.com/x", "at", at),
                event(p + "-negative", "REMOVAL_ACTION", ar, null,
                        "action", "UPLOADS_BLOCKED", "count", -1, "platform", "TIKTOK", "at", at),
                object("kind", "CASE_CLOSED", "analystReference", ar, "at", at),
                event(p + "-kind", "GRADED", ar, null, "at", at),
                JsonValue.NULL,
                event(p + "-good", "ASSESSMENT", ar, item, "outcome", "NOT_FOUND", "at", at))));

        assertEquals(object("applied", 1, "duplicate", 0, "ignored", 0, "rejected", 10, "results", array(
                rejected(p + "-unknown", "UNKNOWN_REFERENCE",
                        "analystReference: no case has ever had this reference"),
                rejected(p + "-elsewhere", "ITEM_NOT_IN_CASE", "itemReference: not an item of this case"),
                rejected(p + "-nocat", "INVALID_EVENT", "category: must be one of A, B, C, PROHIBITED"),
                rejected(p + "-catnf", "INVALID_EVENT", "category: is given only when the outcome is ACTIONABLE"),
                rejected(p + "-future", "INVALID_EVENT", "at: is in the future"),
                rejected(p + "-ftp", "INVALID_EVENT", "location: an http or https address of at most 2,048 characters,"
                        + " without user name or password, is required for NOTICE_SENT"),
                rejected(p + "-negative", "INVALID_EVENT", "count: the number of uploads blocked (0 to 1,000,000,000)"
                        + " is required for UPLOADS_BLOCKED"),
                object("status", "rejected", "reason", "INVALID_EVENT",
                        "detail", "eventId: 8 to 64 letters, digits, '.', '_', ':' or '-' are required"),
                rejected(p + "-kind", "INVALID_EVENT", "kind: must be one of ASSESSMENT, REMOVAL_ACTION, CASE_CLOSED, ITEM_FOUND"),
                object("status", "rejected", "reason", "INVALID_EVENT", "detail", "the event is empty"),
                object("eventId", p + "-good", "status", "applied"))), answer);
        assertEquals(List.of("CASE_SUBMITTED", "ANALYST_ASSESSMENT_RECORDED"), auditActionsFor(reported.reference()));
        assertEquals(List.of("CASE_SUBMITTED"), auditActionsFor(other.reference()));

        JsonObject corrected = results(object("events", array(event(p + "-nocat", "ASSESSMENT", ar, item,
                "outcome", "ACTIONABLE", "category", "A", "at", at))));
        assertEquals(1, corrected.getInt("applied"), "a rejected event may be sent again, corrected, under its id");
    }

    @Test
    void aBatchNeedsOneTo1000EventsAndReadableJson() throws SQLException {
        String prefix = "too-many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        assertInvalidFields(api.postJson(RESULTS, object("events", array()), "Authorization", analyst),
                "events", "must hold 1 to 1,000 events");
        assertInvalidFields(api.postJson(RESULTS, object(), "Authorization", analyst),
                "events", "is required: 1 to 1,000 events");
        assertInvalidFields(api.postJson(RESULTS, object("events", array(object("count", "many"))),
                "Authorization", analyst), "events[0].count", "has the wrong type or format");
        malformedJson().detail(NOT_JSON).assertOn(api.post(RESULTS, JSON, "{\"events\": [", "Authorization", analyst));
        List<JsonObject> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(event(prefix + i, "CASE_CLOSED", "AR-0000-0000-0000-0000", null, "at", "2025-05-01T08:00:00Z"));
        }
        Reply tooMany = api.postJson(RESULTS, object("events", arrayOf(many)), "Authorization", analyst);
        assertInvalidFields(tooMany, "events", "must hold 1 to 1,000 events");
        assertEquals(0, count("SELECT COUNT(*) FROM analyst_result_event WHERE event_id LIKE ?", prefix + "%"),
                "nothing recorded");
    }

    @Test
    void eventsForAWithdrawnCaseAreRecordedAsIgnoredAndChangeNothing() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        assertEquals(200, api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", JSON, "",
                "Authorization", person.bearer()).status());
        String id = "withdrawn-" + UUID.randomUUID();
        JsonObject batch = object("events", array(event(id, "ASSESSMENT", reported.analystReference(),
                reported.itemReferences().get(0), "outcome", "ACTIONABLE", "category", "A", "at", "2025-05-01T08:00:00Z")));

        assertEquals("ignored", results(batch).getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals("duplicate", results(batch).getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals(List.of("CASE_SUBMITTED", "CASE_WITHDRAWN"), auditActionsFor(reported.reference()));
        assertEquals(0, assessmentsOf(reported));
    }

    @Test
    void anErasedAccountsCasesKeepTheirBlockingAndLaterResultsAreIgnoredNotRefused() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        String ar = reported.analystReference();
        JsonObject leased = leaseUntil(p -> ar.equals(p.getString("analystReference")), null);

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE),
                "Authorization", person.bearer());
        assertEquals(204, erased.status(), erased.body());
        assertEquals(List.of("CASE_SUBMITTED"), queuedFor(ar), "no withdrawal: the hashes stay blocked");
        assertEquals(204, ack(leased.getString("packageId")).status());

        String id = "erased-" + UUID.randomUUID();
        JsonObject batch = object("events", array(event(id, "ASSESSMENT", ar, reported.itemReferences().get(0),
                "outcome", "ACTIONABLE", "category", "A", "at", "2025-05-01T08:00:00Z")));
        assertEquals(object("applied", 0, "duplicate", 0, "ignored", 1, "rejected", 0, "results", array(
                object("eventId", id, "status", "ignored"))), results(batch));
        assertEquals("duplicate", results(batch).getJsonArray("results").getJsonObject(0).getString("status"));
    }

    @Test
    void anAccountErasedWithItsCasesWithdrawnTellsTheAnalystSideAndLaterResultsAreIgnored() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        String ar = reported.analystReference();
        leaseUntil(p -> ar.equals(p.getString("analystReference")), null);

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE,
                "withdrawCases", true), "Authorization", person.bearer());
        assertEquals(204, erased.status(), erased.body());
        assertEquals(List.of("CASE_WITHDRAWN"), queuedFor(ar), "the leased package is taken back, the withdrawal"
                + " follows it");

        String id = "withdrawn-erased-" + UUID.randomUUID();
        JsonObject batch = object("events", array(event(id, "CASE_CLOSED", ar, null, "at", "2025-05-01T08:00:00Z")));
        assertEquals("ignored", results(batch).getJsonArray("results").getJsonObject(0).getString("status"));
    }

    @Test
    void aCaseWithdrawnBeforeAnyLeaseNeverReachesTheAnalysts() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        assertEquals(List.of("CASE_SUBMITTED"), queuedFor(reported.analystReference()));

        assertEquals(200, api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", JSON, "",
                "Authorization", person.bearer()).status());

        assertEquals(List.of(), queuedFor(reported.analystReference()),
                "neither the package nor a withdrawal of it is left to lease");
    }

    @Test
    void aCaseWithdrawnAfterItsPackageWasLeasedIsWithdrawnOnTheAnalystSide() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        JsonObject leased = leaseUntil(offered -> reported.analystReference().equals(
                offered.getString("analystReference")), null);

        for (int times = 0; times < 2; times++) {
            assertEquals(200, api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", JSON, "",
                    "Authorization", person.bearer()).status());
        }

        assertEquals(List.of("CASE_WITHDRAWN"), queuedFor(reported.analystReference()), "the leased package is"
                + " taken back (its lease can never run out and offer it again); the withdrawal follows it, once"
                + " however often it is asked");
        assertEquals(object("acknowledged", 0, "notFound", 1, "results", array(object("packageId",
                leased.getString("packageId"), "status", "not-found"))), acknowledgeAll(array(
                leased.getString("packageId"))).json(), "a late acknowledgement: treat it as done");
    }

    @Test
    void erasingTheAccountTakesBackItsUnsentSafeguardingFlag() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String body = """
                {"items": [{"contentType": "PHOTO", "signals": [{"type": "SHA256", "value": "%s"}]}],
                 "concerns": ["THREATENED"], "consent": {"followUp": true}}""".formatted(YoungPeople.hex(64));
        Reply submitted = api.post("/api/v1/cases", JSON, body, "Authorization", person.bearer(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().getString("reference");
        assertTrue(queuedFor(reference).contains("safeguarding.raised"), "a flag waits for the helpline");

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", """
                {"passphrase": "seven purple kettles sing"}""", "Authorization", person.bearer());

        assertEquals(204, erased.status(), erased.body());
        assertEquals(List.of("account.deleted", "account.deleted"), queuedFor(reference),
                "only the news of the erasure, one for each helpline partner, is left");
    }

    /** The types of the messages still queued about one subject (an analyst or case reference), oldest first. */
    private List<String> queuedFor(String subjectId) throws SQLException {
        try (Connection connection = database.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement("SELECT message_type FROM outbox_message"
                     + " WHERE subject_id = ? ORDER BY created_at, message_type DESC")) {
            select.setString(1, subjectId);
            List<String> types = new java.util.ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    @Test
    void anExportedBundleIsSignedEncryptedHeldUntilAcknowledgedAndHoldsOnlyWhatMayCross() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        ReportedCase reported = YoungPeople.report(api, database, person, 2);
        String operator = "Bearer " + Tokens.operator(api);
        JWKSet serviceKey = JWKSet.parse(api.get(BUNDLES + "/signing-key", "Authorization", operator).body());
        assertFalse(serviceKey.getKeys().get(0).isPrivate());

        // Packages other tests left pending may share the bundle: export until nothing is pending, and find ours.
        JsonObject leased = null;
        Reply exported;
        int bundles = 0;
        while ((exported = api.post(BUNDLES, null, "", "Authorization", operator)).status() == 200) {
            assertTrue(++bundles < MAX_ROUNDS, "exporting never ran out of pending packages");
            assertTrue(exported.contentType().startsWith("application/jose"), exported.contentType());
            assertEquals(5, exported.body().split("\\.", -1).length, "encrypted to the analyst side (JWE)");
            Bundle bundle = BundleFormat.read(exported.body(), BundleFormat.PACKAGES, serviceKey,
                    List.of(analystEncryptionKey()));
            assertEquals(exported.header("Bundle-Id"), bundle.manifest().bundleId());
            assertEquals(Integer.toString(bundle.manifest().count()), exported.header("Package-Count"));
            assertEquals(bundle.manifest().count(), bundle.lines().size());
            for (String line : bundle.lines()) {
                JsonObject exportedPackage = parse(line);
                if (exportedPackage.getString("analystReference").equals(reported.analystReference())) {
                    assertNull(leased, "exported once: an exported package is held");
                    leased = exportedPackage;
                    assertFalse(exported.body().contains(reported.urls().get(0)));
                    List<String> ours = bundle.lines().stream().filter(l -> l.contains(reported.analystReference()))
                            .toList();
                    assertNothingNamesThem(String.join("\n", ours), person, reported);
                }
            }
        }
        assertEquals(204, exported.status(), "nothing left to export: " + exported.body());
        assertNotNull(leased, "the case's package was exported");
        String packageId = leased.getString("packageId");
        List<JsonObject> stillPending = leaseOneByOneUntilNoneIsLeft();
        assertTrue(stillPending.stream().noneMatch(p -> p.getString("packageId").equals(packageId)),
                "exported counts as held");
        stillPending.forEach(p -> ack(p.getString("packageId")));

        String eventId = "bundle-" + UUID.randomUUID();
        JsonObject assessment = event(eventId, "ASSESSMENT", reported.analystReference(),
                reported.itemReferences().get(1), "outcome", "ACTIONABLE", "category", "PROHIBITED",
                "at", "2025-05-01T08:00:00Z");
        BundleFormat.Written written = BundleFormat.write(BundleFormat.RESULTS, List.of(
                object("acknowledge", packageId).toString(), assessment.toString(), "not json"), signingKey(), null);
        String results = written.file();
        Reply imported = api.post(BUNDLES + "/results", "application/jose", results, "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        JsonObject report = imported.json();
        assertEquals(1, report.getInt("acknowledged"));
        assertEquals(0, report.getInt("unknownAcknowledgements"));
        assertEquals("applied", report.getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals("line 3: is not a JSON object", report.getJsonArray("results").getJsonObject(1).getString("detail"));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE id = ?", packageId));
        assertEquals(List.of("CASE_SUBMITTED", "ANALYST_ASSESSMENT_RECORDED"), auditActionsFor(reported.reference()));

        problem(409, "bundle-replayed", "This bundle was imported before")
                .detail("The bundle " + written.manifest().bundleId() + " was imported before. Nothing was applied again.")
                .assertOn(api.post(BUNDLES + "/results", "application/jose", results, "Authorization", operator));
        Reply again = api.post(BUNDLES + "/results", "application/jose", resultBundle(List.of(
                object("acknowledge", packageId).toString(), assessment.toString()), signingKey()),
                "Authorization", operator);
        assertEquals(200, again.status(), again.body());
        assertEquals(1, again.json().getInt("unknownAcknowledgements"));
        assertEquals("duplicate", again.json().getJsonArray("results").getJsonObject(0).getString("status"));
    }

    @Test
    void aResultAndADeliveryMeetingAWithdrawalWaitForItInsteadOfDeadlocking() throws Exception {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String packageId = leaseAll(Set.of(reported.analystReference())).get(reported.analystReference());
        JsonObject batch = object("events", array(event(UUID.randomUUID().toString(), "ASSESSMENT",
                reported.analystReference(), reported.itemReferences().get(0), "outcome", "ACTIONABLE",
                "category", "B", "at", "2025-05-01T08:00:00Z")));
        ExecutorService exchange = Executors.newFixedThreadPool(2);
        try (Connection withdrawal = database.getConnection()) {
            withdrawal.setAutoCommit(false);
            // A withdrawal holds the case's row first, then updates the exchange's record of the case.
            execute(withdrawal, "SELECT id FROM report_case WHERE case_reference = ? FOR UPDATE",
                    reported.reference());
            Future<JsonObject> applying = exchange.submit(() -> results(batch));
            Future<Reply> acknowledging = exchange.submit(() -> ack(packageId));
            awaitRowWaits(2);
            execute(withdrawal, "SELECT analyst_reference FROM analyst_case WHERE analyst_reference = ? FOR UPDATE",
                    reported.analystReference());
            withdrawal.commit();

            JsonObject answer = applying.get(10, TimeUnit.SECONDS);
            assertEquals(1, answer.getInt("applied"), answer.toString());
            Reply acknowledged = acknowledging.get(10, TimeUnit.SECONDS);
            assertEquals(204, acknowledged.status(), acknowledged.body());
        } finally {
            exchange.shutdownNow();
        }
    }

    @Test
    void ofTwoImportsOfOneBundleAtTheSameMomentTheLaterIsAReplay() throws Exception {
        String operator = "Bearer " + Tokens.operator(api);
        BundleFormat.Written written = BundleFormat.write(BundleFormat.RESULTS,
                List.of(object("acknowledge", "race-" + UUID.randomUUID()).toString()), signingKey(), null);
        String bundleId = written.manifest().bundleId();
        ExecutorService importer = Executors.newSingleThreadExecutor();
        try (Connection earlier = database.getConnection()) {
            // The other import got as far as writing its record of the bundle and has not committed yet: this one
            // finds the bundle unrecorded, applies its lines, and meets the key when it records the bundle.
            earlier.setAutoCommit(false);
            try (java.sql.PreparedStatement record = earlier.prepareStatement("INSERT INTO analyst_bundle"
                    + " (bundle_id, direction, line_count, body_sha256, recorded_at) VALUES (?, 'IMPORTED', 1, ?, ?)")) {
                record.setString(1, bundleId);
                record.setString(2, written.manifest().bodySha256());
                record.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                record.executeUpdate();
            }
            Future<Reply> imported = importer.submit(() -> api.post(BUNDLES + "/results", "application/jose",
                    written.file(), "Authorization", operator));
            awaitRowWaits(1);
            earlier.commit();

            problem(409, "bundle-replayed", "This bundle was imported before")
                    .detail("The bundle " + bundleId + " was imported before. Nothing was applied again.")
                    .assertOn(imported.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            importer.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM analyst_bundle WHERE bundle_id = ?", bundleId));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_event WHERE object_id = ?", bundleId),
                "the import that was not recorded tells no bundle import");
    }

    @Test
    void aTamperedForeignOrMislabelledBundleIsRefusedBeforeAnythingIsApplied() throws Exception {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String operator = "Bearer " + Tokens.operator(api);
        String eventId = "tamper-" + UUID.randomUUID();
        List<String> lines = List.of(event(eventId, "CASE_CLOSED", reported.analystReference(), null,
                "at", "2025-05-01T08:00:00Z").toString());
        String good = resultBundle(lines, signingKey());
        String[] parts = good.split("\\.");
        int at = parts[1].length() / 2;
        char flipped = parts[1].charAt(at) == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1].substring(0, at) + flipped + parts[1].substring(at + 1) + "." + parts[2];
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("analysts-sig-1").generate();

        for (String refused : List.of(tampered, resultBundle(lines, stranger), "not a bundle", "",
                BundleFormat.write(BundleFormat.PACKAGES, lines, signingKey(), null).file(), wrongBodyHash(lines))) {
            Reply reply = api.post(BUNDLES + "/results", "application/jose", refused, "Authorization", operator);
            problem(422, "bundle-refused", "The bundle cannot be trusted or read")
                    .detailStartingWith("The bundle was refused and nothing was applied: ").assertOn(reply);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM analyst_result_event WHERE event_id = ?", eventId));
        assertEquals(List.of("CASE_SUBMITTED"), auditActionsFor(reported.reference()));
        forbidden().assertOn(api.post(BUNDLES, null, "", "Authorization", analyst));
        assertInvalidFields(api.post(BUNDLES + "?max=0", null, "", "Authorization", operator),
                "max", "must be 1 to 10,000");

        Reply accepted = api.post(BUNDLES + "/results", "application/jose", good, "Authorization", operator);
        assertEquals(200, accepted.status(), "the untouched bundle is taken: " + accepted.body());
    }

    private static ECKey signingKey() {
        return (ECKey) TestRun.analystSideKeys().getKeyByKeyId("analysts-sig-1");
    }

    private static ECKey analystEncryptionKey() {
        return (ECKey) TestRun.analystSideKeys().getKeyByKeyId("analysts-enc-1");
    }

    private static String resultBundle(List<String> lines, ECKey key) throws Exception {
        return BundleFormat.write(BundleFormat.RESULTS, lines, key, null).file();
    }

    /** Correctly signed by the analyst side, but its manifest's body hash is not the body's. */
    private static String wrongBodyHash(List<String> lines) throws Exception {
        String body = String.join("\n", lines) + "\n";
        String payload = object("manifest", object("bundleId", UUID.randomUUID().toString(), "kind", "RESULTS",
                "formatVersion", 1, "count", 1, "bodySha256", BundleFormat.sha256(body + " "),
                "createdAt", "2025-05-01T08:00:00Z"), "body", body).toString();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("analysts-sig-1").build(),
                new Payload(payload));
        jws.sign(new ECDSASigner(signingKey()));
        return jws.serialize();
    }

    // --- helpers ---

    static void assertNothingNamesThem(String exported, Person person, ReportedCase reported) {
        List<String> never = List.of(person.accountId(), person.username(), reported.reference(), reported.notes(),
                reported.exactTime(), "followUp", "contactBy", "CHAT", "consent", "notes", "language", "cy");
        for (String value : never) {
            assertFalse(exported.contains("\"" + value) || exported.contains(value + "\"")
                            || (value.length() > 8 && exported.contains(value)),
                    "what left for the analysts holds a value it must not (" + value.length() + " characters)");
        }
        assertTrue(exported.contains(reported.urls().get(0)), "the scan saw the package itself");
    }

    private JsonObject leaseUntil(Predicate<JsonObject> wanted, List<String> raw) {
        for (int round = 0; round < 50; round++) {
            Reply reply = api.postJson(LEASE, object("max", 500), "Authorization", analyst);
            assertEquals(200, reply.status(), reply.body());
            if (raw != null) {
                raw.add(reply.body());
            }
            JsonObject match = null;
            for (JsonValue value : reply.json().getJsonArray("packages")) {
                JsonObject leased = value.asJsonObject();
                if (match == null && wanted.test(leased)) {
                    match = leased;
                } else {
                    ack(leased.getString("packageId"));
                }
            }
            if (match != null) {
                return match;
            }
        }
        throw new AssertionError("the package was never leased");
    }

    /**
     * Leases one package at a time until none is left, and returns them in the order they came. Nothing is
     * acknowledged: the caller decides, for its own packages and for those that other tests left behind.
     */
    private List<JsonObject> leaseOneByOneUntilNoneIsLeft() {
        List<JsonObject> leased = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            JsonArray batch = lease(1).getJsonArray("packages");
            if (batch.isEmpty()) {
                return leased;
            }
            assertEquals(1, batch.size(), "a lease takes at most max packages");
            leased.add(batch.getJsonObject(0));
        }
        throw new AssertionError("leasing never ran out of pending packages");
    }

    private JsonObject lease(int max) {
        Reply reply = api.postJson(LEASE, object("max", max), "Authorization", analyst);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Leases until every one of these cases' packages came; acknowledges the rest. Answers their package ids. */
    private Map<String, String> leaseAll(Set<String> analystReferences) {
        Map<String, String> mine = new HashMap<>();
        for (int round = 0; round < MAX_ROUNDS && mine.size() < analystReferences.size(); round++) {
            List<JsonObject> others = new ArrayList<>();
            for (JsonValue value : lease(500).getJsonArray("packages")) {
                JsonObject leased = value.asJsonObject();
                if (analystReferences.contains(leased.getString("analystReference"))) {
                    mine.put(leased.getString("analystReference"), leased.getString("packageId"));
                } else {
                    others.add(leased);
                }
            }
            acknowledgeEach(others);
        }
        assertEquals(analystReferences, mine.keySet(), "every package was leased");
        return mine;
    }

    /** Acknowledges leased packages, a lease's worth per request. */
    private void acknowledgeEach(List<JsonObject> leased) {
        for (int from = 0; from < leased.size(); from += 500) {
            List<String> ids = leased.subList(from, Math.min(leased.size(), from + 500)).stream()
                    .map(p -> p.getString("packageId")).toList();
            Reply reply = acknowledgeAll(arrayOf(ids));
            assertEquals(200, reply.status(), reply.body());
        }
    }

    private Reply acknowledgeAll(JsonArray packageIds) {
        return api.postJson(ACKNOWLEDGEMENTS, object("packageIds", packageIds), "Authorization", analyst);
    }

    private Reply ack(String packageId) {
        return api.post("/api/v1/analyst/packages/" + packageId + "/ack", JSON, "", "Authorization", analyst);
    }

    private JsonObject results(JsonObject batch) {
        Reply reply = api.postJson(RESULTS, batch, "Authorization", analyst);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** A result event: its id, kind and references, then the members of its kind as names and values. */
    static JsonObject event(String id, String kind, String analystReference, String itemReference, Object... rest) {
        List<Object> members = new ArrayList<>(List.of("eventId", id, "kind", kind, "analystReference",
                analystReference));
        if (itemReference != null) {
            members.addAll(List.of("itemReference", itemReference));
        }
        members.addAll(Arrays.asList(rest));
        return object(members.toArray());
    }

    private static JsonObject rejected(String id, String reason, String detail) {
        return object("eventId", id, "status", "rejected", "reason", reason, "detail", detail);
    }

    private long assessmentsOf(ReportedCase reported) throws SQLException {
        return count("SELECT COUNT(*) FROM analyst_assessment a JOIN report_case c ON c.id = a.case_id"
                + " WHERE c.case_reference = ?", reported.reference());
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
