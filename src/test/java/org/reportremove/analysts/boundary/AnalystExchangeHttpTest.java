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
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.analysts.bundle.Bundle;
import org.reportremove.analysts.bundle.BundleFormat;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;
import org.reportremove.testing.YoungPeople.ReportedCase;

import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst side's online exchange against the deployed service and PostgreSQL: leases (priority, concurrency,
 * expiry), acknowledgements, every kind of result event, duplicates, any order, rejections, withdrawn cases, and
 * the scan of what leaves for anything the young person typed or that names them.
 */
class AnalystExchangeHttpTest extends DeployedServiceTest {

    static final String LEASE = "/api/v1/analyst/packages/lease";
    static final String RESULTS = "/api/v1/analyst/results";
    static final String JSON = "application/json";
    static final String BUNDLES = "/api/v1/operator/analyst-bundles";

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
        assertEquals(Json.createReader(new StringReader("[{\"kind\": \"URL\", \"url\": \"" + reported.urls().get(0)
                        + "\"}, {\"kind\": \"URL\", \"url\": \"" + reported.urls().get(1) + "\"}, {\"kind\": \"PLATFORM\","
                        + " \"platform\": \"DISCORD\", \"name\": \"" + reported.platformName() + "\"}]")).readArray(),
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
        assertProblem(ack(leased.getString("packageId")), 404, "not-found");
        assertProblem(ack(UUID.randomUUID().toString()), 404, "not-found");
        assertProblem(ack("not-a-package"), 400, "invalid-parameter");
    }

    @Test
    void leasesTakeOneTo500AndOnlyTheAnalystExchange() {
        for (String body : List.of("{\"max\": 0}", "{\"max\": 501}", "{\"max\": -1}")) {
            Reply reply = api.post(LEASE, JSON, body, "Authorization", analyst);
            assertProblem(reply, 400, "invalid-fields");
            assertEquals("max: must be 1 to 500", fieldErrors(reply));
        }
        assertProblem(api.post(LEASE, JSON, "{}", "Authorization", analyst), 400, "invalid-fields");
        assertProblem(api.post(LEASE, JSON, "{\"max\": ", "Authorization", analyst), 400, "malformed-json");
        assertProblem(api.post(LEASE, JSON, "{\"max\": 5}"), 401, "unauthenticated");
        Person person = YoungPeople.person(api, "16_17");
        assertProblem(api.post(LEASE, JSON, "{\"max\": 5}", "Authorization", person.bearer()), 403, "forbidden");
        assertProblem(api.post(LEASE, JSON, "{\"max\": 5}", "Authorization",
                "Bearer " + Tokens.operator(api)), 403, "forbidden");
        assertProblem(api.post(RESULTS, JSON, "{\"events\": []}", "Authorization", person.bearer()), 403, "forbidden");
    }

    @Test
    void twoPullersAtOnceNeverGetTheSamePackage() throws Exception {
        drain();
        for (int i = 0; i < 12; i++) {
            YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> pullers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            pullers.add(pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int round = 0; round < 6; round++) {
                    lease(2).getJsonArray("packages").forEach(pk -> ids.add(pk.asJsonObject().getString("packageId")));
                }
                return ids;
            }));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> puller : pullers) {
            all.addAll(puller.get());
        }
        pool.shutdown();

        assertEquals(12, all.size(), "every package leased");
        assertEquals(12, new HashSet<>(all).size(), "none leased twice");
        all.forEach(id -> assertEquals(204, ack(id).status()));
    }

    @Test
    void anExpiredLeaseMakesThePackageAvailableAgainAndPriorityComesFirst() throws Exception {
        drain();
        ReportedCase older = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        ReportedCase newer = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        // Every test account is self-declared, so both carry a priority flag: take it off the older one.
        execute("UPDATE outbox_message SET priority = false WHERE topic = 'ANALYSTS' AND id = (SELECT id FROM"
                + " outbox_message WHERE topic = 'ANALYSTS' AND claim_token IS NULL ORDER BY created_at LIMIT 1)");

        JsonObject first = lease(1).getJsonArray("packages").getJsonObject(0);
        assertEquals(newer.analystReference(), first.getString("analystReference"), "priority before age");
        JsonObject second = lease(1).getJsonArray("packages").getJsonObject(0);
        assertEquals(older.analystReference(), second.getString("analystReference"));
        assertEquals(0, lease(10).getJsonArray("packages").size(), "both are held");

        execute("UPDATE outbox_message SET available_at = now() - interval '1 second' WHERE id = '"
                + second.getString("packageId") + "'");
        JsonArray again = lease(10).getJsonArray("packages");
        assertEquals(1, again.size());
        assertEquals(second, again.getJsonObject(0), "the same package, with the same id");
        assertEquals(204, ack(first.getString("packageId")).status());
        assertEquals(204, ack(second.getString("packageId")).status());
    }

    @Test
    void everyKindOfResultEventIsAppliedOnceInAnyOrderWithAnAuditEntryAndShowsAsProgress() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        ReportedCase reported = YoungPeople.report(api, database, person, 2);
        assertEquals(Json.createReader(new StringReader("{\"stage\": \"RECEIVED\", \"itemsAssessed\": 0,"
                + " \"placesRequested\": 0, \"placesRemoved\": 0, \"platformsBlocking\": 0, \"uploadsBlocked\": 0}"))
                .readObject(), progressOf(person, reported));
        String ar = reported.analystReference();
        String item1 = reported.itemReferences().get(0);
        String item2 = reported.itemReferences().get(1);
        String url = reported.urls().get(0);
        String prefix = UUID.randomUUID().toString();
        // REMOVED arrives before its NOTICE_SENT, and the closure first of all.
        String batch = "{\"events\": ["
                + event(prefix + "-close", "CASE_CLOSED", ar, null, "\"at\": \"2025-05-03T09:00:00Z\"") + ", "
                + event(prefix + "-removed", "REMOVAL_ACTION", ar, item1, "\"action\": \"REMOVED\", \"location\": \""
                + url + "\", \"at\": \"2025-05-02T09:00:00Z\"") + ", "
                + event(prefix + "-notice", "REMOVAL_ACTION", ar, item1, "\"action\": \"NOTICE_SENT\", \"location\": \""
                + url + "\", \"at\": \"2025-05-01T09:00:00Z\"") + ", "
                + event(prefix + "-a1", "ASSESSMENT", ar, item1, "\"outcome\": \"ACTIONABLE\", \"category\": \"B\","
                + " \"at\": \"2025-05-01T08:00:00+01:00\"") + ", "
                + event(prefix + "-a2", "ASSESSMENT", ar, item2, "\"outcome\": \"NOT_ACTIONABLE\", \"reasonCode\":"
                + " \"AGE_NOT_ESTABLISHED\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + event(prefix + "-a3", "ASSESSMENT", ar, item2, "\"outcome\": \"NOT_FOUND\", \"at\": \"2025-04-30T08:00:00Z\"")
                + ", " + event(prefix + "-shared", "REMOVAL_ACTION", ar, item1, "\"action\": \"HASH_SHARED\", \"listName\":"
                + " \"industry-list-1\", \"at\": \"2025-05-01T10:00:00Z\"") + ", "
                + event(prefix + "-blocked", "REMOVAL_ACTION", ar, null, "\"action\": \"UPLOADS_BLOCKED\", \"count\": 11,"
                + " \"platform\": \"INSTAGRAM\", \"at\": \"2025-05-02T10:00:00Z\"") + ", "
                + event(prefix + "-back", "REMOVAL_ACTION", ar, item1, "\"action\": \"REAPPEARED\", \"location\": \""
                + reported.urls().get(1) + "\", \"at\": \"2025-05-02T11:00:00Z\"") + "]}";

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
        assertEquals(3, count("SELECT COUNT(*) FROM analyst_assessment a JOIN report_case c ON c.id = a.case_id"
                + " WHERE c.case_reference = '" + reported.reference() + "'"));
        assertEquals(List.of(), DatabaseScan.findAnyOf(database, List.of(url)), "locations are stored sealed");

        // Both items were assessed; removal was asked for at two places, one is gone and the other came back.
        assertEquals(Json.createReader(new StringReader("{\"stage\": \"CLOSED\", \"itemsAssessed\": 2,"
                + " \"placesRequested\": 2, \"placesRemoved\": 1, \"platformsBlocking\": 1, \"uploadsBlocked\": 11}"))
                .readObject(), progressOf(person, reported));
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
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
        JsonObject answer = results("{\"events\": ["
                + event(p + "-unknown", "ASSESSMENT", "AR-0000-0000-0000-0000", item, "\"outcome\": \"NOT_FOUND\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + event(p + "-elsewhere", "ASSESSMENT", ar, other.itemReferences().get(0), "\"outcome\": \"NOT_FOUND\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + event(p + "-nocat", "ASSESSMENT", ar, item, "\"outcome\": \"ACTIONABLE\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + event(p + "-catnf", "ASSESSMENT", ar, item, "\"outcome\": \"NOT_FOUND\", \"category\": \"A\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + event(p + "-future", "CASE_CLOSED", ar, null, "\"at\": \"" + future + "\"") + ", "
                + event(p + "-ftp", "REMOVAL_ACTION", ar, item, "\"action\": \"NOTICE_SENT\", \"location\": \"ftp://example.com/x\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + event(p + "-negative", "REMOVAL_ACTION", ar, null, "\"action\": \"UPLOADS_BLOCKED\", \"count\": -1, \"platform\": \"TIKTOK\", \"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + "{\"kind\": \"CASE_CLOSED\", \"analystReference\": \"" + ar + "\", \"at\": \"2025-05-01T08:00:00Z\"}, "
                + event(p + "-kind", "GRADED", ar, null, "\"at\": \"2025-05-01T08:00:00Z\"") + ", "
                + "null, "
                + event(p + "-good", "ASSESSMENT", ar, item, "\"outcome\": \"NOT_FOUND\", \"at\": \"2025-05-01T08:00:00Z\"")
                + "]}");

        assertEquals(Json.createReader(new StringReader("{\"applied\": 1, \"duplicate\": 0, \"ignored\": 0,"
                + " \"rejected\": 10, \"results\": ["
                + rejected(p + "-unknown", "UNKNOWN_REFERENCE", "analystReference: no case has this reference (it may have been erased with its account)") + ", "
                + rejected(p + "-elsewhere", "ITEM_NOT_IN_CASE", "itemReference: not an item of this case") + ", "
                + rejected(p + "-nocat", "INVALID_EVENT", "category: must be one of A, B, C, PROHIBITED") + ", "
                + rejected(p + "-catnf", "INVALID_EVENT", "category: is given only when the outcome is ACTIONABLE") + ", "
                + rejected(p + "-future", "INVALID_EVENT", "at: is in the future") + ", "
                + rejected(p + "-ftp", "INVALID_EVENT", "location: an http or https address of at most 2,048 characters, without user name or password, is required for NOTICE_SENT") + ", "
                + rejected(p + "-negative", "INVALID_EVENT", "count: the number of uploads blocked (0 to 1,000,000,000) is required for UPLOADS_BLOCKED") + ", "
                + "{\"status\": \"rejected\", \"reason\": \"INVALID_EVENT\", \"detail\": \"eventId: 8 to 64 letters, digits, '.', '_', ':' or '-' are required\"}, "
                + rejected(p + "-kind", "INVALID_EVENT", "kind: must be one of ASSESSMENT, REMOVAL_ACTION, CASE_CLOSED") + ", "
                + "{\"status\": \"rejected\", \"reason\": \"INVALID_EVENT\", \"detail\": \"the event is empty\"}, "
                + "{\"eventId\": \"" + p + "-good\", \"status\": \"applied\"}]}")).readObject(), answer);
        assertEquals(List.of("CASE_SUBMITTED", "ANALYST_ASSESSMENT_RECORDED"), auditActionsFor(reported.reference()));
        assertEquals(List.of("CASE_SUBMITTED"), auditActionsFor(other.reference()));

        JsonObject corrected = results("{\"events\": [" + event(p + "-nocat", "ASSESSMENT", ar, item,
                "\"outcome\": \"ACTIONABLE\", \"category\": \"A\", \"at\": \"2025-05-01T08:00:00Z\"") + "]}");
        assertEquals(1, corrected.getInt("applied"), "a rejected event may be sent again, corrected, under its id");
    }

    @Test
    void aBatchNeedsOneTo1000EventsAndReadableJson() throws SQLException {
        long before = count("SELECT COUNT(*) FROM analyst_result_event");
        assertProblem(api.post(RESULTS, JSON, "{\"events\": []}", "Authorization", analyst), 400, "invalid-fields");
        assertProblem(api.post(RESULTS, JSON, "{}", "Authorization", analyst), 400, "invalid-fields");
        assertProblem(api.post(RESULTS, JSON, "{\"events\": [{\"count\": \"many\"}]}", "Authorization", analyst),
                400, "invalid-fields");
        assertProblem(api.post(RESULTS, JSON, "{\"events\": [", "Authorization", analyst), 400, "malformed-json");
        StringBuilder many = new StringBuilder("{\"events\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append(event("too-many-" + i + "-" + UUID.randomUUID(), "CASE_CLOSED",
                    "AR-0000-0000-0000-0000", null, "\"at\": \"2025-05-01T08:00:00Z\""));
        }
        Reply tooMany = api.post(RESULTS, JSON, many.append("]}").toString(), "Authorization", analyst);
        assertProblem(tooMany, 400, "invalid-fields");
        assertEquals("events: must hold 1 to 1,000 events", fieldErrors(tooMany));
        assertEquals(before, count("SELECT COUNT(*) FROM analyst_result_event"), "nothing recorded");
    }

    @Test
    void eventsForAWithdrawnCaseAreRecordedAsIgnoredAndChangeNothing() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        assertEquals(200, api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", JSON, "",
                "Authorization", person.bearer()).status());
        String id = "withdrawn-" + UUID.randomUUID();
        String batch = "{\"events\": [" + event(id, "ASSESSMENT", reported.analystReference(),
                reported.itemReferences().get(0), "\"outcome\": \"ACTIONABLE\", \"category\": \"A\","
                        + " \"at\": \"2025-05-01T08:00:00Z\"") + "]}";

        assertEquals("ignored", results(batch).getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals("duplicate", results(batch).getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals(List.of("CASE_SUBMITTED", "CASE_WITHDRAWN"), auditActionsFor(reported.reference()));
        assertEquals(0, count("SELECT COUNT(*) FROM analyst_assessment a JOIN report_case c ON c.id = a.case_id"
                + " WHERE c.case_reference = '" + reported.reference() + "'"));
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
        leaseUntil(leased -> reported.analystReference().equals(leased.getString("analystReference")), null);

        for (int times = 0; times < 2; times++) {
            assertEquals(200, api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", JSON, "",
                    "Authorization", person.bearer()).status());
        }

        assertEquals(List.of("CASE_SUBMITTED", "CASE_WITHDRAWN"), queuedFor(reported.analystReference()),
                "the leased package is the puller's; the withdrawal follows it, once however often it is asked");
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
        assertEquals(List.of("SAFEGUARDING_FLAG"), queuedFor(reference));

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", """
                {"passphrase": "seven purple kettles sing"}""", "Authorization", person.bearer());

        assertEquals(204, erased.status(), erased.body());
        assertEquals(List.of(), queuedFor(reference));
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
        drain();
        Person person = YoungPeople.person(api, "13_15");
        ReportedCase reported = YoungPeople.report(api, database, person, 2);
        String operator = "Bearer " + Tokens.operator(api);

        Reply exported = api.post(BUNDLES, null, "", "Authorization", operator);
        assertEquals(200, exported.status(), exported.body());
        assertTrue(exported.contentType().startsWith("application/jose"), exported.contentType());
        assertEquals(5, exported.body().split("\\.", -1).length, "encrypted to the analyst side (JWE)");
        assertEquals("1", exported.header("Package-Count"));
        assertFalse(exported.body().contains(reported.urls().get(0)));

        JWKSet serviceKey = JWKSet.parse(api.get(BUNDLES + "/signing-key", "Authorization", operator).body());
        assertFalse(serviceKey.getKeys().get(0).isPrivate());
        Bundle bundle = BundleFormat.read(exported.body(), BundleFormat.PACKAGES, serviceKey, analystEncryptionKey());
        assertEquals(exported.header("Bundle-Id"), bundle.manifest().bundleId());
        assertEquals(1, bundle.manifest().count());
        JsonObject leased = Json.createReader(new StringReader(bundle.lines().get(0))).readObject();
        assertEquals(reported.analystReference(), leased.getString("analystReference"));
        assertNothingNamesThem(String.join("\n", bundle.lines()), person, reported);

        assertEquals(204, api.post(BUNDLES, null, "", "Authorization", operator).status(), "exported counts as held");
        assertEquals(0, lease(500).getJsonArray("packages").size());

        String eventId = "bundle-" + UUID.randomUUID();
        String results = resultBundle(List.of("{\"acknowledge\": \"" + leased.getString("packageId") + "\"}",
                event(eventId, "ASSESSMENT", reported.analystReference(), reported.itemReferences().get(1),
                        "\"outcome\": \"ACTIONABLE\", \"category\": \"PROHIBITED\", \"at\": \"2025-05-01T08:00:00Z\""),
                "not json"), signingKey());
        Reply imported = api.post(BUNDLES + "/results", "application/jose", results, "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        JsonObject report = imported.json();
        assertEquals(1, report.getInt("acknowledged"));
        assertEquals(0, report.getInt("unknownAcknowledgements"));
        assertEquals("applied", report.getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals("line 3: is not a JSON object", report.getJsonArray("results").getJsonObject(1).getString("detail"));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE id = '" + leased.getString("packageId") + "'"));
        assertEquals(List.of("CASE_SUBMITTED", "ANALYST_ASSESSMENT_RECORDED"), auditActionsFor(reported.reference()));

        assertProblem(api.post(BUNDLES + "/results", "application/jose", results, "Authorization", operator), 409,
                "bundle-replayed");
        Reply again = api.post(BUNDLES + "/results", "application/jose", resultBundle(List.of(
                "{\"acknowledge\": \"" + leased.getString("packageId") + "\"}", event(eventId, "ASSESSMENT",
                        reported.analystReference(), reported.itemReferences().get(1), "\"outcome\": \"ACTIONABLE\","
                                + " \"category\": \"PROHIBITED\", \"at\": \"2025-05-01T08:00:00Z\"")), signingKey()),
                "Authorization", operator);
        assertEquals(200, again.status(), again.body());
        assertEquals(1, again.json().getInt("unknownAcknowledgements"));
        assertEquals("duplicate", again.json().getJsonArray("results").getJsonObject(0).getString("status"));
    }

    @Test
    void aTamperedForeignOrMislabelledBundleIsRefusedBeforeAnythingIsApplied() throws Exception {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String operator = "Bearer " + Tokens.operator(api);
        String eventId = "tamper-" + UUID.randomUUID();
        List<String> lines = List.of(event(eventId, "CASE_CLOSED", reported.analystReference(), null,
                "\"at\": \"2025-05-01T08:00:00Z\""));
        String good = resultBundle(lines, signingKey());
        String[] parts = good.split("\\.");
        int at = parts[1].length() / 2;
        char flipped = parts[1].charAt(at) == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1].substring(0, at) + flipped + parts[1].substring(at + 1) + "." + parts[2];
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("analysts-sig-1").generate();

        for (String refused : List.of(tampered, resultBundle(lines, stranger), "not a bundle", "",
                BundleFormat.write(BundleFormat.PACKAGES, lines, signingKey(), null).file(), wrongBodyHash(lines))) {
            Reply reply = api.post(BUNDLES + "/results", "application/jose", refused, "Authorization", operator);
            assertProblem(reply, 422, "bundle-refused");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM analyst_result_event WHERE event_id = '" + eventId + "'"));
        assertEquals(List.of("CASE_SUBMITTED"), auditActionsFor(reported.reference()));
        assertProblem(api.post(BUNDLES, null, "", "Authorization", analyst), 403, "forbidden");
        assertProblem(api.post(BUNDLES + "?max=0", null, "", "Authorization", operator), 400, "invalid-fields");

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
        String payload = "{\"manifest\": {\"bundleId\": \"" + UUID.randomUUID() + "\", \"kind\": \"RESULTS\","
                + " \"formatVersion\": 1, \"count\": 1, \"bodySha256\": \"" + BundleFormat.sha256(body + " ")
                + "\", \"createdAt\": \"2025-05-01T08:00:00Z\"}, \"body\": " + Json.createValue(body) + "}";
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
            Reply reply = api.post(LEASE, JSON, "{\"max\": 500}", "Authorization", analyst);
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

    private void drain() {
        JsonArray leased;
        do {
            leased = lease(500).getJsonArray("packages");
            leased.forEach(p -> ack(p.asJsonObject().getString("packageId")));
        } while (!leased.isEmpty());
    }

    private JsonObject lease(int max) {
        Reply reply = api.post(LEASE, JSON, "{\"max\": " + max + "}", "Authorization", analyst);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private Reply ack(String packageId) {
        return api.post("/api/v1/analyst/packages/" + packageId + "/ack", JSON, "", "Authorization", analyst);
    }

    private JsonObject results(String batch) {
        Reply reply = api.post(RESULTS, JSON, batch, "Authorization", analyst);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static String event(String id, String kind, String analystReference, String itemReference, String rest) {
        return "{\"eventId\": \"" + id + "\", \"kind\": \"" + kind + "\", \"analystReference\": \"" + analystReference
                + "\"" + (itemReference == null ? "" : ", \"itemReference\": \"" + itemReference + "\"") + ", " + rest + "}";
    }

    private static String rejected(String id, String reason, String detail) {
        return "{\"eventId\": \"" + id + "\", \"status\": \"rejected\", \"reason\": \"" + reason + "\", \"detail\": \""
                + detail + "\"}";
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    static void assertProblem(Reply reply, int status, String slug) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals("urn:reportremove:problem:" + slug, reply.json().getString("type"));
    }

    private static String fieldErrors(Reply reply) {
        return String.join("; ", reply.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("field") + ": " + e.getString("message")).toList());
    }
}
