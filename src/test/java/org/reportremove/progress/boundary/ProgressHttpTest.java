package org.reportremove.progress.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.reportremove.analysts.bundle.BundleFormat;
import org.reportremove.cases.entity.ItemReference;
import org.reportremove.testing.AnalystSide;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.QueuedMessages;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;
import org.reportremove.testing.YoungPeople.ReportedCase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.AnalystSide.event;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.arrayOf;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.JsonBodies.parse;
import static org.reportremove.testing.JsonBodies.parseArray;
import static org.reportremove.testing.ProblemAssert.assertInvalidFields;
import static org.reportremove.testing.ProblemAssert.malformedJson;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * Progress and the inbox against the deployed service, PostgreSQL and the online analyst exchange: one case walked
 * from submission to removal (and back, and removed again), told in milestones, counts and inbox messages that
 * only its owner sees; under-13 and English wording; kind words where the analysts could not act; erasure; cases
 * that name only a place or a threat, and the items the analysts find there (online and in result bundles).
 */
class ProgressHttpTest extends DeployedServiceTest {

    private static final List<String> JOURNEY = List.of("RECEIVED", "WITH_ANALYSTS", "ASSESSED", "BLOCKING_ACTIVE",
            "REMOVAL_REQUESTED", "REMOVED");

    @Test
    void oneCaseWalkedThroughTheExchangeIsToldInMilestonesCountsAndMessagesToItsOwnerOnly() throws Exception {
        int logStart = TestRun.logs().text().length();
        Person person = YoungPeople.person(api, "13_15");
        ReportedCase reported = YoungPeople.report(api, database, person, 1);
        assertEquals(List.of("RECEIVED"), milestones(progress(person, reported)));

        AnalystSide analysts = new AnalystSide(api);
        analysts.receive(reported.analystReference());
        assertEquals(List.of("RECEIVED", "WITH_ANALYSTS"), milestones(progress(person, reported)));

        String ar = reported.analystReference();
        String item = reported.itemReferences().get(0);
        String url = reported.urls().get(0);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        analysts.sendApplied(
                event(id + "-assessed", "ASSESSMENT", ar, item, "outcome", "ACTIONABLE", "category", "B",
                        "at", now.minusMinutes(6).toString()),
                event(id + "-shared", "REMOVAL_ACTION", ar, item, "action", "HASH_SHARED",
                        "listName", "industry-list-1", "at", now.minusMinutes(5).toString()),
                event(id + "-notice", "REMOVAL_ACTION", ar, item, "action", "NOTICE_SENT", "location", url,
                        "at", now.minusMinutes(4).toString()),
                event(id + "-removed", "REMOVAL_ACTION", ar, item, "action", "REMOVED", "location", url,
                        "at", now.minusMinutes(3).toString()));
        analysts.sendApplied(event(id + "-back", "REMOVAL_ACTION", ar, item, "action", "REAPPEARED", "location", url,
                "at", now.minusMinutes(2).toString()));
        assertEquals("REMOVAL_REQUESTED", progress(person, reported).getString("stage"), "it came back");
        analysts.sendApplied(event(id + "-again", "REMOVAL_ACTION", ar, item, "action", "REMOVED", "location", url,
                "at", now.minusMinutes(1).toString()));

        JsonObject progress = progress(person, reported);
        assertEquals("REMOVED", progress.getString("stage"));
        assertEquals("cy", progress.getString("language"));
        assertEquals(JOURNEY, milestones(progress));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (JsonValue milestone : progress.getJsonArray("milestones")) {
            assertEquals(today.toString(), milestone.asJsonObject().getString("reachedOn"), "to the day");
        }
        assertEquals(parse("""
                {"placesReported": 1, "placesRemoved": 1, "placesRemovedAgain": 1, "platformsBlocking": 0,
                 "uploadsBlocked": 0, "copiesTakenDown": 0}"""), progress.getJsonObject("counts"));
        JsonObject received = progress.getJsonArray("milestones").getJsonObject(0);
        assertEquals("Mae dy adroddiad gyda ni", received.getString("title"), "the case is in Welsh");
        assertEquals(List.of("Mae wedi mynd o 1 o'r 1 lle rydyn ni'n gwybod amdanyn nhw.",
                "Daeth yn ôl mewn 1 ohonyn nhw, a chafodd ei dynnu i lawr eto."), strings(progress.getJsonArray("inWords")));
        assertEquals(parseArray("[{\"number\": 1, \"stage\": \"REMOVED\", \"inWords\": \"Daeth ein tîm o hyd i'r un yma,"
                + " a gallwn ni weithredu arno.\"}]"), progress.getJsonArray("items"));
        assertFalse(progress.containsKey("stillPossible"), "nothing to add where the analysts could act");
        assertNeverGradedOrNamed(progress.toString(), reported, url);
        assertEquals(progress, progress(person, reported), "the same facts, the same progress");

        Reply inbox = api.get("/api/v1/inbox?size=4", "Authorization", person.bearer());
        assertEquals(200, inbox.status(), inbox.body());
        assertEquals(6, inbox.json().getInt("unread"));
        List<JsonObject> messages = new ArrayList<>(objects(inbox.json().getJsonArray("messages")));
        assertEquals(4, messages.size());
        Reply older = api.get("/api/v1/inbox?size=4&cursor=" + inbox.json().getString("next"),
                "Authorization", person.bearer());
        assertEquals(200, older.status(), older.body());
        assertFalse(older.json().containsKey("next"), "the last page");
        messages.addAll(objects(older.json().getJsonArray("messages")));
        assertEquals(JOURNEY.stream().map(m -> "milestone." + m).collect(java.util.stream.Collectors.toSet()),
                Set.copyOf(messages.stream().map(m -> m.getString("messageKey")).toList()),
                "one message per milestone, however many events arrived");
        assertEquals(6, messages.size());
        for (JsonObject message : messages) {
            assertEquals(reported.reference(), message.getString("caseReference"));
            assertEquals("SERVICE", message.getString("from"));
            assertFalse(message.getBoolean("read"));
            assertNeverGradedOrNamed(message.toString(), reported, url);
        }
        JsonObject removedMessage = messages.stream()
                .filter(m -> m.getString("messageKey").equals("milestone.REMOVED")).findFirst().orElseThrow();
        assertEquals("Mae wedi cael ei dynnu i lawr", removedMessage.getString("title"));

        assertEquals(204, api.post("/api/v1/inbox/" + removedMessage.getString("id") + "/read", "application/json", "",
                "Authorization", person.bearer()).status());
        assertEquals(204, api.post("/api/v1/inbox/" + removedMessage.getString("id") + "/read", "application/json", "",
                "Authorization", person.bearer()).status(), "read twice is still read");
        assertEquals(5, api.get("/api/v1/inbox", "Authorization", person.bearer()).json().getInt("unread"));

        Person someoneElse = YoungPeople.person(api, "16_17");
        notFound().detail("There is no case with this reference in your account.").assertOn(
                api.get("/api/v1/cases/" + reported.reference() + "/progress", "Authorization", someoneElse.bearer()));
        assertEquals(parse("{\"unread\": 0, \"messages\": []}"),
                api.get("/api/v1/inbox", "Authorization", someoneElse.bearer()).json());
        notFound().detail("There is no message with this id in your inbox.").assertOn(api.post("/api/v1/inbox/"
                + removedMessage.getString("id") + "/read", "application/json", "", "Authorization", someoneElse.bearer()));

        String notificationId = api.get("/api/v1/accounts/me", "Authorization", person.bearer()).json()
                .getString("notificationId");
        List<JsonObject> notifications = QueuedMessages.payloads(database, "NOTIFICATIONS",
                p -> notificationId.equals(p.getString("notificationId", null)));
        assertEquals(List.of(object("notificationId", notificationId)), notifications,
                "one waiting notification, holding nothing but its id");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE topic = 'NOTIFICATIONS' AND subject_id = ?"
                + " AND message_type = 'notification.due'", notificationId));

        List<String> words = new ArrayList<>();
        messages.forEach(m -> words.addAll(List.of(m.getString("title"), m.getString("text"))));
        assertEquals(List.of(), DatabaseScan.findAnyOf(database, words), "message texts are never stored");
        String log = TestRun.logs().text().substring(logStart);
        for (String text : words) {
            assertFalse(log.contains(text), "a message text reached the log");
        }
        assertFalse(log.contains("industry-list-1") || log.contains("category=") || log.contains(url),
                "no category, list or place reaches the log");
    }

    @Test
    void anUnder13HearsSimplerEnglishAndKindWordsWhereNothingCouldBeDoneThenWithdrawsAndErases() throws Exception {
        Person child = YoungPeople.person(api, "UNDER_13");
        ReportedCase reported = YoungPeople.report(api, database, child, 1, "en");
        AnalystSide analysts = new AnalystSide(api);
        analysts.receive(reported.analystReference());
        analysts.sendApplied(event(UUID.randomUUID() + "-not-found", "ASSESSMENT", reported.analystReference(),
                reported.itemReferences().get(0), "outcome", "NOT_FOUND",
                "at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0).toString()));

        JsonObject progress = progress(child, reported);
        assertEquals("ASSESSED", progress.getString("stage"));
        assertEquals("We got your report. We never see your pictures.",
                progress.getJsonArray("milestones").getJsonObject(0).getString("explanation"));
        assertEquals("We have not found this one online. That can be good news. We will keep looking.",
                progress.getJsonArray("items").getJsonObject(0).getString("inWords"));
        assertEquals(parse("""
                {"inWords": "You can still tell the app or site where you saw it. You can talk to a counsellor too.",
                 "reportingPages": [{"platform": "DISCORD", "address": "https://support.discord.com/"}]}"""),
                progress.getJsonObject("stillPossible"), "the reporting page of the platform the case names");

        Reply withdrawn = api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", "application/json", "",
                "Authorization", child.bearer());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        JsonObject after = progress(child, reported);
        assertEquals("WITHDRAWN", after.getString("stage"));
        assertEquals(List.of("RECEIVED", "WITH_ANALYSTS", "ASSESSED", "WITHDRAWN"), milestones(after));
        List<JsonObject> messages = objects(api.get("/api/v1/inbox", "Authorization", child.bearer()).json()
                .getJsonArray("messages"));
        assertEquals("milestone.WITHDRAWN", messages.get(0).getString("messageKey"), "newest first");
        assertEquals("You took this report back. Our team will stop working on it. That is OK. You can report again"
                + " at any time.", messages.get(0).getString("text"));

        JsonObject me = api.get("/api/v1/accounts/me", "Authorization", child.bearer()).json();
        assertTrue(strings(me.getJsonArray("inPlainWords")).contains(
                "4 messages in your inbox about your reports (4 not read yet)."), me.toString());
        String notificationId = me.getString("notificationId");
        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE),
                "Authorization", child.bearer());
        assertEquals(204, erased.status(), erased.body());
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_message WHERE account_id = ?", child.accountId()));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE topic = 'NOTIFICATIONS' AND subject_id = ?",
                notificationId), "a notification that had not left goes with the account");
    }

    @Test
    void aPlaceOrAThreatIsEnoughAndWhatTheAnalystsFindThereBecomesAnItemNeverShownAsHashes() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String url = "https://example.com/fake/" + UUID.randomUUID();
        Reply submitted = submit(person, object("locations", array(object("kind", "URL", "url", url)),
                "concerns", array("AI_OR_ALTERED"), "consent", object("followUp", false), "language", "en"));
        assertEquals(201, submitted.status(), submitted.body());
        assertEquals(List.of(), submitted.json().getJsonArray("items"));
        assertTrue(submitted.body().contains("\"AI_OR_ALTERED\""), "advice for an image made or changed with AI");
        String reference = submitted.json().getString("reference");
        String ar = analystReferenceOf(reference);

        AnalystSide analysts = new AnalystSide(api);
        JsonObject leased = analysts.receive(ar);
        assertEquals(List.of(), leased.getJsonArray("items"));
        assertEquals(url, leased.getJsonArray("locations").getJsonObject(0).getString("url"));

        String found = ItemReference.generate().value();
        String sha = YoungPeople.hex(64);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        analysts.sendApplied(
                event(id + "-found", "ITEM_FOUND", ar, found, "contentType", "PHOTO",
                        "signals", array(object("type", "SHA256", "value", sha)), "at", now.minusMinutes(5).toString()),
                event(id + "-assessed", "ASSESSMENT", ar, found, "outcome", "ACTIONABLE", "category", "A",
                        "at", now.minusMinutes(4).toString()),
                event(id + "-shared", "REMOVAL_ACTION", ar, found, "action", "HASH_SHARED", "listName", "list-2",
                        "at", now.minusMinutes(3).toString()),
                event(id + "-notice", "REMOVAL_ACTION", ar, found, "action", "NOTICE_SENT", "location", url,
                        "at", now.minusMinutes(2).toString()),
                event(id + "-removed", "REMOVAL_ACTION", ar, found, "action", "REMOVED", "location", url,
                        "at", now.minusMinutes(1).toString()));

        JsonObject progress = api.get("/api/v1/cases/" + reference + "/progress", "Authorization", person.bearer())
                .json();
        assertEquals(JOURNEY, milestones(progress));
        assertEquals("You told us where it is, so our team will look there. You did not have to send us anything"
                + " else.", progress.getJsonArray("inWords").getString(0));
        assertEquals(parseArray("[{\"number\": 1, \"stage\": \"REMOVED\", \"inWords\": \"Our team found this one,"
                + " and we can act on it.\"}]"), progress.getJsonArray("items"));
        String view = api.get("/api/v1/cases/" + reference, "Authorization", person.bearer()).body();
        assertFalse(view.contains(sha) || progress.toString().contains(sha) || view.contains(found),
                "the young person never sees what the analysts hashed");
        assertEquals(0, api.get("/api/v1/cases/" + reference, "Authorization", person.bearer()).json()
                .getJsonArray("items").size());
        assertEquals(List.of("CASE_SUBMITTED", "ANALYST_ITEM_FOUND", "ANALYST_ASSESSMENT_RECORDED",
                "ANALYST_REMOVAL_RECORDED", "ANALYST_REMOVAL_RECORDED", "ANALYST_REMOVAL_RECORDED"),
                auditActionsFor(reference));

        Reply threatOnly = submit(person, object("concerns", array("THREATENED"), "consent", object("followUp", false),
                "language", "en"));
        assertEquals(201, threatOnly.status(), threatOnly.body());
        String threatReference = threatOnly.json().getString("reference");
        assertEquals(List.of("You told us someone is threatening you. That is serious, and you did the right thing."),
                strings(api.get("/api/v1/cases/" + threatReference + "/progress", "Authorization", person.bearer())
                        .json().getJsonArray("inWords")));
        String more = "https://example.org/later/" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            Reply added = api.postJson("/api/v1/cases/" + threatReference + "/locations",
                    object("locations", array(object("kind", "URL", "url", more))), "Authorization", person.bearer());
            assertEquals(200, added.status(), added.body());
            assertEquals(more, added.json().getJsonArray("locations").getJsonObject(0).getString("url"));
        }
        assertEquals(List.of("CASE_SUBMITTED", "LOCATIONS_ADDED"), QueuedMessages.forAnalysts(database,
                        analystReferenceOf(threatReference)).stream().map(m -> m.payload().getString("type")).toList(),
                "the same place twice is one package");

        assertInvalidFields(submit(person, object("locations", array(object("kind", "DONT_KNOW")),
                        "concerns", array("KNOWS_WHO"), "consent", object("followUp", false))),
                "items", "must hold 1 to 50 items, unless the case names a place where it is shared (a URL or a"
                        + " platform in locations) or says someone threatens you (THREATENED in concerns)");
    }

    @Test
    void badPlacesAreProblemsAndAddNothing() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String url = "https://example.com/first/" + UUID.randomUUID();
        Reply submitted = submit(person, object("locations", array(object("kind", "URL", "url", url)),
                "consent", object("followUp", false)));
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().getString("reference");
        String places = "/api/v1/cases/" + reference + "/locations";
        String ar = analystReferenceOf(reference);

        assertInvalidFields(api.postJson(places, object("locations", array()), "Authorization", person.bearer()),
                "locations", "must hold 1 to 20 locations");
        assertInvalidFields(api.postJson(places, object("locations", array(object("kind", "URL",
                "url", "ftp://example.com/x"))), "Authorization", person.bearer()),
                "locations[0].url", "must be an http or https address");
        List<JsonObject> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(object("kind", "URL", "url", "https://example.org/more/" + i + "/" + UUID.randomUUID()));
        }
        assertInvalidFields(api.postJson(places, object("locations", arrayOf(twenty)), "Authorization",
                        person.bearer()),
                "locations", "a case names at most 20 places and this would make 21");
        malformedJson().assertOn(api.post(places, "application/json", "{\"locations\": [", "Authorization",
                person.bearer()));
        notFound().detail("There is no case with this reference in your account.").assertOn(api.postJson(places,
                object("locations", array(object("kind", "PLATFORM", "platform", "X"))), "Authorization",
                YoungPeople.person(api, "13_15").bearer()));
        assertEquals(200, api.post("/api/v1/cases/" + reference + "/withdrawal", "application/json", "",
                "Authorization", person.bearer()).status());
        problem(409, "case-withdrawn", "This case has been withdrawn").assertOn(api.postJson(places,
                object("locations", array(object("kind", "PLATFORM", "platform", "X"))), "Authorization",
                person.bearer()));

        assertEquals(List.of(url), api.get("/api/v1/cases/" + reference, "Authorization", person.bearer()).json()
                .getJsonArray("locations").stream().map(l -> l.asJsonObject().getString("url")).toList(),
                "no bad request added a place");
        assertFalse(QueuedMessages.forAnalysts(database, ar).stream()
                .anyMatch(m -> m.payload().getString("type").equals("LOCATIONS_ADDED")));
        assertEquals(List.of("CASE_SUBMITTED", "CASE_WITHDRAWN"), auditActionsFor(reference));
    }

    @Test
    void aResultBundleCarriesAnItemFoundLikeTheOnlineExchange() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        Reply submitted = submit(person, object("locations", array(object("kind", "PLATFORM", "platform", "X")),
                "consent", object("followUp", false)));
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().getString("reference");
        String found = ItemReference.generate().value();
        JsonObject line = event("bundle-found-" + UUID.randomUUID(), "ITEM_FOUND", analystReferenceOf(reference),
                found, "contentType", "VIDEO", "signals", array(object("type", "MD5", "value", YoungPeople.hex(32))),
                "at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0).toString());
        String bundle = BundleFormat.write(BundleFormat.RESULTS, List.of(line.toString()),
                (ECKey) TestRun.analystSideKeys().getKeyByKeyId("analysts-sig-1"), null).file();

        Reply imported = api.post("/api/v1/operator/analyst-bundles/results", "application/jose", bundle,
                "Authorization", "Bearer " + Tokens.operator(api));
        assertEquals(200, imported.status(), imported.body());
        assertEquals("applied", imported.json().getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals(1, count("SELECT COUNT(*) FROM case_item i JOIN report_case c ON c.id = i.case_id"
                + " WHERE c.case_reference = ? AND i.item_reference = ? AND i.found_by_analysts", reference, found));
        assertEquals("Our team found it where you told us to look.", api.get("/api/v1/cases/" + reference
                + "/progress", "Authorization", person.bearer()).json().getJsonArray("items").getJsonObject(0)
                .getString("inWords"));
    }

    private Reply submit(Person person, JsonObject body) {
        return api.postJson("/api/v1/cases", body, "Authorization", person.bearer(), "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    private String analystReferenceOf(String caseReference) throws java.sql.SQLException {
        try (var connection = database.getConnection();
             var select = connection.prepareStatement("SELECT analyst_reference FROM report_case"
                     + " WHERE case_reference = ?")) {
            select.setString(1, caseReference);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void badPagesAndUnknownMessagesAreProblemsAndChangeNothing() {
        Person person = YoungPeople.person(api, "16_17");
        assertInvalidFields(api.get("/api/v1/inbox?cursor=not-a-cursor", "Authorization", person.bearer()),
                "cursor", "must be the next value of a page this service gave you");
        for (String size : List.of("0", "101", "ten", "-1")) {
            assertInvalidFields(api.get("/api/v1/inbox?size=" + size, "Authorization", person.bearer()),
                    "size", "must be a whole number from 1 to 100");
        }
        notFound().detail("There is no message with this id in your inbox.").assertOn(api.post("/api/v1/inbox/"
                + UUID.randomUUID() + "/read", "application/json", "", "Authorization", person.bearer()));
        notFound().detail("There is no case with this reference in your account.").assertOn(
                api.get("/api/v1/cases/RR-0000-0000-0000/progress", "Authorization", person.bearer()));
        unauthenticated().assertOn(api.get("/api/v1/inbox"));
    }

    private JsonObject progress(Person person, ReportedCase reported) {
        Reply reply = api.get("/api/v1/cases/" + reported.reference() + "/progress", "Authorization", person.bearer());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> milestones(JsonObject progress) {
        return progress.getJsonArray("milestones").stream()
                .map(m -> m.asJsonObject().getString("milestone")).toList();
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private static void assertNeverGradedOrNamed(String said, ReportedCase reported, String url) {
        for (String never : List.of("category", "\"B\"", "industry-list-1", url, reported.analystReference(),
                reported.itemReferences().get(0), "ACTIONABLE")) {
            assertFalse(said.contains(never), "a young person is never told " + never);
        }
    }
}
