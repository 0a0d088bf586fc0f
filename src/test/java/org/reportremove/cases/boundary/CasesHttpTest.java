package org.reportremove.cases.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.QueuedMessages;
import org.reportremove.testing.Reply;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.arrayOf;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.JsonBodies.parse;
import static org.reportremove.testing.JsonBodies.parseArray;
import static org.reportremove.testing.ProblemAssert.assertInvalidFields;
import static org.reportremove.testing.ProblemAssert.bodyTooLarge;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.hashesOnly;
import static org.reportremove.testing.ProblemAssert.invalidFields;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.streamedBodyTooLarge;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * Young people's cases against the deployed service and PostgreSQL: submission and its answer, every validation
 * rule, idempotency (also under a race), own cases only, added items, withdrawal, erasure with the account, what
 * is stored (encrypted) and what is queued for the analysts and the helpline, and the bank of known signals.
 * Every test opens its own accounts and looks only at their cases and at queued messages naming them.
 */
class CasesHttpTest extends DeployedServiceTest {

    private static final String CASES = "/api/v1/cases";
    private static final String KNOWN_SIGNALS = "/api/v1/operator/known-signals";
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String NO_SUCH_CASE = "There is no case with this reference in your account.";
    /** The MD5 of an empty file: the service refuses it, since it matches nothing real. */
    private static final String EMPTY_FILE_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    @Test
    void aSubmittedCaseAnswersWithItsReferenceItemsAndSafetyAdvice() throws Exception {
        Person person = person("13_15");
        String sha = sha256();

        Reply reply = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha, md5(), pdq(), 90)),
                "concerns", array("THREATENED", "KNOWS_WHO"),
                "consent", object("followUp", true),
                "language", "en"));

        assertEquals(201, reply.status(), reply.body());
        JsonObject answer = reply.json();
        String reference = answer.getString("reference");
        assertTrue(reference.matches("RR(-[0-9A-HJKMNP-TV-Z]{4}){3}"), reference);
        assertEquals(parse("""
                {"reference": "%s", "status": "SUBMITTED",
                 "items": [{"number": 1, "contentType": "PHOTO", "alreadyKnown": false, "from": [0]}],
                 "advice": [
                  {"code": "SAFETY_THREATENED", "text": "If someone is threatening you: do not pay them and do not \
                send anything more. Stop replying, but do not delete the messages, because they can help. Block them \
                and report them on the app or site."},
                  {"code": "NOT_YOUR_FAULT", "text": "This is not your fault. The person who shares an image, or \
                threatens to, is the one doing wrong. You did the right thing by reporting it."},
                  {"code": "COUNSELLOR_WILL_CONTACT", "text": "You said a counsellor may contact you. They will \
                send you a message in the app soon. You can also choose 'Talk to someone' at any time."}]}
                """.formatted(reference)), answer);

        Reply read = api.get(CASES + "/" + reference, "Authorization", person.bearer());
        assertEquals(200, read.status(), read.body());
        JsonObject held = read.json();
        assertEquals("SUBMITTED", held.getString("status"));
        assertEquals("en", held.getString("language"));
        assertEquals(List.of("THREATENED", "KNOWS_WHO"), strings(held.getJsonArray("concerns")));
        assertEquals(object("followUp", true, "contactBy", "APP_MESSAGE"), held.getJsonObject("consent"));
        assertEquals(sha, held.getJsonArray("items").getJsonObject(0).getJsonArray("signals").stream()
                .map(JsonObject.class::cast).filter(s -> s.getString("type").equals("SHA256")).findFirst().orElseThrow()
                .getString("value"));
        assertEquals(1, casesOf(person));
    }

    @Test
    void adviceIsInWelshWhenAskedAndNamesWeakOrMissingPictureFingerprints() {
        Person person = person("16_17");

        Reply reply = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 30),
                        object("contentType", "PHOTO", "signals", array(signal("MD5", md5())))),
                "concerns", array("AT_RISK"),
                "consent", object("followUp", false),
                "language", "cy"));

        assertEquals(201, reply.status(), reply.body());
        JsonArray advice = reply.json().getJsonArray("advice");
        assertEquals(List.of("SAFETY_IN_DANGER", "NOT_YOUR_FAULT", "TALK_TO_A_COUNSELLOR", "LOW_QUALITY_PDQ",
                "PHOTO_WITHOUT_PDQ"), advice.stream().map(a -> a.asJsonObject().getString("code")).toList());
        assertEquals("Nid eich bai chi yw hyn. Y person sy'n rhannu llun, neu'n bygwth gwneud hynny, sy'n gwneud"
                + " rhywbeth o'i le. Rydych chi wedi gwneud y peth iawn drwy roi gwybod.",
                advice.getJsonObject(1).getString("text"));
        assertEquals(1, advice.getJsonObject(3).getInt("item"));
        assertTrue(advice.getJsonObject(3).getString("text").startsWith("Eitem 1: mae olion bysedd y llun yn wan"));
        assertEquals(2, advice.getJsonObject(4).getInt("item"));
    }

    @Test
    void everyBrokenRuleIsAProblemNamingItsFieldAndNothingIsStored() throws SQLException {
        Person person = person("16_17");
        // Every hash sent here is new, so the outbox can be searched for any of them afterwards.
        List<String> sent = new ArrayList<>();

        String shortSha = remember(sent, sha256()).substring(2);
        Reply reply = submit(person, UUID.randomUUID().toString(), object(
                "items", array(
                        object("contentType", "PHOTO", "signals", array(
                                signal("SHA256", shortSha),
                                signal("MD5", EMPTY_FILE_MD5),
                                object("type", "PDQ", "value", remember(sent, pdq()), "quality", 101))),
                        object("contentType", "PHOTO", "signals", array(
                                object("type", "PDQ", "value", "0".repeat(64), "quality", 80)))),
                "locations", array(
                        object("kind", "URL", "url", "javascript:alert(1)"),
                        object("kind", "URL", "url", "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ")),
                "notes", "n".repeat(2001),
                "consent", object("followUp", false)));
        invalidFields(
                "items[0].signals[0].value", "a SHA256 value must be 64 hexadecimal characters, got 62",
                "items[0].signals[1].value", "is the MD5 of an empty file, which matches nothing real: hash the file itself",
                "items[0].signals[2].quality", "must be from 0 to 100",
                "items[1].signals[0].value", "is the PDQ of a blank or single-colour image, which would match far too much",
                "locations[0].url", "must be an http or https address",
                "locations[1].url", "must not hold image data: this service accepts hashes only",
                "notes", "must be at most 2,000 characters")
                .notEchoing(EMPTY_FILE_MD5, shortSha).assertOn(reply);

        assertInvalidFields(submit(person, UUID.randomUUID().toString(), object(
                        "items", array(object("contentType", "GIF", "signals", array(signal("SHA1", "ab")))),
                        "consent", object(),
                        "language", "fr")),
                "consent.followUp", "is required: true if a counsellor may contact you, false if not",
                "items[0].contentType", "must be one of PHOTO, VIDEO",
                "items[0].signals[0].type", "must be one of SHA256, MD5, PDQ",
                "language", "must be one of en, cy");
        assertInvalidFields(submit(person, UUID.randomUUID().toString(), object(
                        "items", array(photo(remember(sent, sha256()), null, null, 0)),
                        "locations", array(object("kind", "URL", "url", "https://example.com/".repeat(103))),
                        "concerns", array("BORED"),
                        "consent", object("followUp", false))),
                "locations[0].url", "must be at most 2,048 characters",
                "concerns[0]", "must be one of THREATENED, AI_OR_ALTERED, KNOWS_WHO, AT_RISK");
        List<JsonObject> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(photo(remember(sent, sha256()), null, null, 0));
        }
        assertInvalidFields(submit(person, UUID.randomUUID().toString(), object(
                        "items", arrayOf(many),
                        "consent", object("followUp", false))),
                "items", "must hold 1 to 50 items");
        assertInvalidFields(submit(person, UUID.randomUUID().toString(), object(
                        "items", array(object("contentType", "VIDEO", "signals", array(
                                object("type", "PDQ", "value", remember(sent, pdq()), "quality", 70)))),
                        "locations", arrayOf(Collections.nCopies(21, object("kind", "DONT_KNOW"))),
                        "consent", object("followUp", false))),
                "items[0].signals", "needs at least one SHA256 or MD5 signal",
                "locations", "must hold at most 20 locations");

        assertEquals(0, casesOf(person), "no case stored for refused input");
        assertEquals(0, count("SELECT COUNT(*) FROM case_submission WHERE account_id = ?", person.accountId()),
                "no idempotency key kept for refused input");
        assertEquals(List.of(), QueuedMessages.payloads(database, "ANALYSTS",
                p -> sent.stream().anyMatch(p.toString()::contains)), "nothing queued for refused input");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndARetryGetsTheSameAnswer() throws SQLException {
        Person person = person("16_17");
        JsonObject body = object("items", array(photo(sha256(), md5(), pdq(), 80)), "consent", object("followUp", false));

        Reply missing = api.postJson(CASES, body, "Authorization", person.bearer());
        problem(400, "idempotency-key-required", "An Idempotency-Key header is needed")
                .detail("Send an Idempotency-Key header of 8 to 128 letters, digits, '-' or '_' (a new UUID per case),"
                        + " and the same key to retry the same request.")
                .assertOn(missing);
        assertEquals(0, casesOf(person));

        String key = UUID.randomUUID().toString();
        Reply first = submit(person, key, body);
        // The same request laid out differently is still the same request.
        Reply retried = api.post(CASES, JSON, pretty(body), "Authorization", person.bearer(), "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, retried.status(), retried.body());
        assertEquals(first.json(), retried.json());
        assertEquals(1, casesOf(person));

        Reply different = submit(person, key, object("items", body.get("items"), "consent", object("followUp", true)));
        problem(422, "idempotency-key-reused", "This Idempotency-Key was already used for a different request")
                .detail("This Idempotency-Key was already used for a different case. Use a new key for a new case,"
                        + " and the same key only to retry exactly the same request.")
                .assertOn(different);
        assertEquals(1, casesOf(person));
    }

    @Test
    void anAccountSubmitsAtMostTwentyCasesAnHourAndRetriesDoNotCount() throws SQLException {
        Person person = person("13_15");
        String lastKey = null;
        JsonObject lastBody = null;
        for (int i = 0; i < 20; i++) {
            lastKey = UUID.randomUUID().toString();
            lastBody = object("items", array(photo(sha256(), null, pdq(), 80)), "consent", object("followUp", false));
            assertEquals(201, submit(person, lastKey, lastBody).status());
        }
        assertEquals(201, submit(person, lastKey, lastBody).status(), "a retry replays its answer");

        Reply refused = submit(person, UUID.randomUUID().toString(),
                object("items", array(photo(sha256(), null, pdq(), 80)), "consent", object("followUp", false)));

        problem(429, "too-many-attempts", "Too many attempts")
                .detailStartingWith("Too many attempts. Wait ")
                .assertOn(refused);
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "Retry-After says when");
        assertEquals(20, casesOf(person));
    }

    @Test
    void racingRetriesWithOneKeyMakeOneCaseAndGetOneAnswer() throws Exception {
        Person person = person("13_15");
        String key = UUID.randomUUID().toString();
        JsonObject body = object("items", array(photo(sha256(), md5(), pdq(), 80)), "consent", object("followUp", false));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<Reply> call = () -> {
                start.await();
                return submit(person, key, body);
            };
            replies.add(pool.submit(call));
        }
        start.countDown();
        Set<String> answers = new HashSet<>();
        for (Future<Reply> reply : replies) {
            assertEquals(201, reply.get().status(), reply.get().body());
            answers.add(reply.get().json().toString());
        }
        pool.shutdown();

        assertEquals(1, answers.size(), "every racing request got the same answer");
        assertEquals(1, casesOf(person));
    }

    @Test
    void anotherPersonsCaseIsNotFoundExactlyLikeAMissingOne() {
        Person owner = person("16_17");
        Person other = person("16_17");
        String reference = submit(owner, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 80)),
                "consent", object("followUp", false))).json().getString("reference");

        Reply theirs = api.get(CASES + "/" + reference, "Authorization", other.bearer());
        Reply missing = api.get(CASES + "/RR-0000-0000-0000", "Authorization", other.bearer());
        Reply nonsense = api.get(CASES + "/not-a-reference", "Authorization", other.bearer());
        Reply withdrawal = api.post(CASES + "/" + reference + "/withdrawal", JSON, "", "Authorization", other.bearer());
        Reply items = api.postJson(CASES + "/" + reference + "/items",
                object("items", array(photo(sha256(), null, pdq(), 80))), "Authorization", other.bearer());
        for (Reply reply : List.of(theirs, missing, nonsense, withdrawal, items)) {
            notFound().detail(NO_SUCH_CASE).assertOn(reply);
            assertEquals(theirs.body(), reply.body());
        }

        Reply list = api.get(CASES, "Authorization", other.bearer());
        assertEquals(200, list.status());
        assertEquals(array(), parseArray(list.body()));
        Reply own = api.get(CASES, "Authorization", owner.bearer());
        JsonArray owned = parseArray(own.body());
        assertEquals(1, owned.size());
        assertEquals(reference, owned.getJsonObject(0).getString("reference"));
        assertEquals(1, owned.getJsonObject(0).getInt("items"));
        assertEquals("SUBMITTED", api.get(CASES + "/" + reference.toLowerCase(), "Authorization", owner.bearer())
                .json().getString("status"), "a reference is read in either case");
    }

    @Test
    void onlyYoungPeopleReachCases() {
        unauthenticated().assertOn(api.get(CASES));
        forbidden().assertOn(api.get(CASES, "Authorization", "Bearer " + Tokens.counsellor(api, "c-17")));
        hashesOnly().assertOn(api.post(CASES, "image/jpeg", "not really a jpeg"));
    }

    @Test
    void itemsFoundLaterAreAddedAndTheSameFileIsMergedNotRepeated() {
        Person person = person("16_17");
        String sha = sha256();
        String reference = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha, null, pdq(), 80)),
                "consent", object("followUp", false))).json().getString("reference");
        String video = sha256();

        Reply added = api.postJson(CASES + "/" + reference + "/items", object("items", array(
                        object("contentType", "VIDEO", "signals", array(signal("SHA256", video))),
                        photo(sha, md5(), null, 0),
                        object("contentType", "VIDEO", "signals", array(signal("SHA256", video.toUpperCase()))))),
                "Authorization", person.bearer());

        assertEquals(200, added.status(), added.body());
        assertEquals(parse("""
                {"reference": "%s", "status": "SUBMITTED",
                 "items": [{"number": 2, "contentType": "VIDEO", "alreadyKnown": false, "from": [0, 2]},
                           {"number": 1, "contentType": "PHOTO", "alreadyKnown": false, "from": [1]}],
                 "advice": []}
                """.formatted(reference)), added.json());
        JsonArray items = api.get(CASES + "/" + reference, "Authorization", person.bearer()).json().getJsonArray("items");
        assertEquals(2, items.size());
        assertEquals(3, items.getJsonObject(0).getJsonArray("signals").size(), "the photo gained its MD5");
    }

    @Test
    void aWithdrawnCaseTakesNoMoreItemsAndWhatItHadNotSentNeverLeaves() throws Exception {
        Person person = person("16_17");
        String reference = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 80)),
                "consent", object("followUp", false))).json().getString("reference");
        String analystReference = analystReferenceOf(reference);

        Reply withdrawn = api.post(CASES + "/" + reference + "/withdrawal", JSON, "", "Authorization", person.bearer());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
        assertEquals(reference, withdrawn.json().getString("reference"));
        Reply again = api.post(CASES + "/" + reference + "/withdrawal", JSON, "", "Authorization", person.bearer());
        assertEquals(200, again.status());

        // Nothing had been leased: the package is taken back, and the analyst side never hears of the case.
        assertEquals(List.of(), QueuedMessages.payloads(database, "ANALYSTS",
                m -> m.getString("analystReference").equals(analystReference)));

        Reply more = api.postJson(CASES + "/" + reference + "/items",
                object("items", array(photo(sha256(), null, pdq(), 80))), "Authorization", person.bearer());
        problem(409, "case-withdrawn", "This case has been withdrawn")
                .detail("This case was withdrawn, so it takes no more items. Start a new case for them.")
                .assertOn(more);
        assertEquals(List.of("CASE_SUBMITTED", "CASE_WITHDRAWN"), auditActionsFor(reference),
                "one entry per change: none for the second withdrawal or the refused items");
    }

    @Test
    void theAnalystPackageHoldsOnlyWhatTheAnalystSideMaySee() throws Exception {
        Person person = person("UNDER_13");
        String sha = sha256();
        String url = "https://example.com/shared/" + UUID.randomUUID();
        String notes = "Notes only I and a counsellor may read " + UUID.randomUUID();
        JsonArray locations = array(object("kind", "URL", "url", url),
                object("kind", "PLATFORM", "platform", "SNAPCHAT", "name", "the_group_name"));
        JsonObject answer = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha, md5(), pdq(), 90)),
                "locations", locations,
                "concerns", array("THREATENED"),
                "notes", notes,
                "consent", object("followUp", true, "contactBy", "CHAT"))).json();
        String reference = answer.getString("reference");

        List<JsonObject> packages = QueuedMessages.payloads(database, "ANALYSTS", m -> m.toString().contains(sha));
        assertEquals(1, packages.size(), "one package for the case");
        JsonObject analysts = packages.get(0);
        String text = analysts.toString();
        for (String never : List.of(person.accountId(), person.username(), reference, notes, "contactBy", "followUp")) {
            assertFalse(text.contains(never), "the analyst package must not hold " + never.length() + " characters of it");
        }
        assertEquals("CASE_SUBMITTED", analysts.getString("type"));
        assertEquals(analystReferenceOf(reference), analysts.getString("analystReference"));
        assertEquals("UNDER_13", analysts.getString("ageBand"));
        assertEquals(List.of("THREATENED", "UNDER_13", "SELF_DECLARED_AGE"), strings(analysts.getJsonArray("priorityFlags")));
        OffsetDateTime hour = OffsetDateTime.parse(analysts.getString("hour"));
        assertEquals(hour, hour.truncatedTo(ChronoUnit.HOURS), "the time is rounded to the hour");
        JsonObject item = analysts.getJsonArray("items").getJsonObject(0);
        assertTrue(item.getString("itemReference").matches("AI(-[0-9A-HJKMNP-TV-Z]{4}){4}"));
        assertEquals("PHOTO", item.getString("contentType"));
        assertEquals(3, item.getJsonArray("signals").size());
        assertEquals(locations, analysts.getJsonArray("locations"));

        List<JsonObject> flags = QueuedMessages.payloads(database, "HELPLINE",
                m -> reference.equals(m.getJsonObject("data").getString("reference"))
                        && m.getJsonObject("data").containsKey("concerns"));
        assertEquals(List.of("test-helpline", "test-helpline-2").stream().map(partner -> object("partner", partner,
                "data", object("reference", reference, "concerns", array("THREATENED"), "ageBand", "UNDER_13")))
                .toList(), flags.stream().sorted(java.util.Comparator.comparing(f -> f.getString("partner"))).toList(),
                "safeguarding.raised for each helpline partner, with no contact details");
    }

    @Test
    void withoutConsentNoSafeguardingFlagIsQueuedButTheAdviceIsGiven() {
        Person person = person("16_17");
        JsonObject answer = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 90)),
                "concerns", array("AT_RISK"),
                "consent", object("followUp", false))).json();

        String reference = answer.getString("reference");
        assertEquals(List.of(), QueuedMessages.payloads(database, "HELPLINE",
                m -> reference.equals(m.getJsonObject("data").getString("reference"))));
        assertEquals("SAFETY_IN_DANGER", answer.getJsonArray("advice").getJsonObject(0).getString("code"));
    }

    @Test
    void notesAndLocationsAreNeverStoredInPlainText() throws Exception {
        Person person = person("13_15");
        String notes = "A distinctive note about Bramblewick " + UUID.randomUUID();
        String url = "https://distinctive-" + UUID.randomUUID() + ".example/page";
        String name = "platform_name_" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 90)),
                "locations", array(object("kind", "URL", "url", url),
                        object("kind", "PLATFORM", "platform", "DISCORD", "name", name)),
                "notes", notes,
                "consent", object("followUp", true)));
        assertEquals(201, reply.status(), reply.body());
        String reference = reply.json().getString("reference");

        assertEquals(List.of(), DatabaseScan.findAnyOf(database, List.of(notes, "Bramblewick", url,
                url.substring(8, 40), name)));

        JsonObject held = api.get(CASES + "/" + reference, "Authorization", person.bearer()).json();
        assertEquals(notes, held.getString("notes"), "the owner reads them back");
        assertEquals(url, held.getJsonArray("locations").getJsonObject(0).getString("url"));
        assertEquals(name, held.getJsonArray("locations").getJsonObject(1).getString("name"));
    }

    @Test
    void aCiphertextMovedToAnotherCaseDoesNotOpenThere() throws Exception {
        Person person = person("16_17");
        String first = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 90)),
                "notes", "the first case's note",
                "consent", object("followUp", false))).json().getString("reference");
        String second = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 90)),
                "notes", "the second case's note",
                "consent", object("followUp", false))).json().getString("reference");
        // Both cases are this test's own: the one it breaks is read by no other test.
        assertEquals(1, execute("UPDATE report_case SET notes_sealed = (SELECT notes_sealed FROM report_case"
                + " WHERE case_reference = ?) WHERE case_reference = ?", first, second));

        Reply read = api.get(CASES + "/" + second, "Authorization", person.bearer());
        problem(500, "internal-error", "Something went wrong on our side")
                .detail("The request could not be completed. Nothing was changed. Quote the error id if you contact us.")
                .withErrorId().notEchoing("first case").assertOn(read);
    }

    @Test
    void erasingTheAccountAskingToWithdrawWithdrawsAndDeletesItsCases() throws Exception {
        Person person = person("16_17");
        String reference = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 90)),
                "notes", "to be erased",
                "consent", object("followUp", false))).json().getString("reference");
        String analystReference = analystReferenceOf(reference);

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE,
                "withdrawCases", true),
                "Authorization", person.bearer());
        assertEquals(204, erased.status(), erased.body());

        assertEquals(0, casesOf(person));
        assertEquals(0, count("SELECT COUNT(*) FROM case_submission WHERE account_id = ?", person.accountId()));
        assertEquals(List.of(), QueuedMessages.payloads(database, "ANALYSTS",
                m -> m.getString("analystReference").equals(analystReference)),
                "the case's unsent package was taken back with it");
    }

    @Test
    void erasingTheAccountByDefaultDetachesItsCasesWhoseHashesStillGoToTheAnalysts() throws Exception {
        Person person = person("16_17");
        String reference = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(sha256(), null, pdq(), 90)),
                "notes", "to be erased",
                "consent", object("followUp", false))).json().getString("reference");
        String analystReference = analystReferenceOf(reference);

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE),
                "Authorization", person.bearer());
        assertEquals(204, erased.status(), erased.body());

        assertEquals(0, casesOf(person));
        assertEquals(0, count("SELECT COUNT(*) FROM case_submission WHERE account_id = ?", person.accountId()));
        assertEquals(0, count("SELECT COUNT(*) FROM analyst_case WHERE analyst_reference = ?", analystReference),
                "nothing links the analyst reference to a case any more");
        assertEquals(1, count("SELECT COUNT(*) FROM analyst_erased_case WHERE analyst_reference = ?",
                analystReference), "only the reference is remembered, to ignore later results");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE subject_id = ?", analystReference));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE subject_id = ? AND message_type"
                + " = 'CASE_SUBMITTED'", analystReference), "the hash-only package still goes, and no withdrawal follows it");
    }

    @Test
    void onlyAnExactMatchIsToldToTheYoungPersonAndANearMatchGoesToTheAnalystsWithItsDistance() throws Exception {
        String operator = "Bearer " + Tokens.operator(api);
        String knownSha = sha256();
        String knownPdq = pdq();
        String nearPdq = flipBits(knownPdq, 31);
        String farPdq = flipBits(knownPdq, 32);
        String weakPdq = pdq();
        String lines = String.join("\n",
                signal("SHA256", knownSha.toUpperCase()).toString(),
                object("type", "PDQ", "value", knownPdq, "quality", 90).toString(),
                object("type", "PDQ", "value", weakPdq, "quality", 40).toString(),
                "",
                signal("SHA256", knownSha).toString(),
                signal("MD5", "xyz").toString(),
                "not json at all",
                signal("SHA256", "a".repeat(100_000)).toString()) + "\n";
        Reply imported = api.post(KNOWN_SIGNALS, NDJSON, lines, "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        JsonObject report = imported.json();
        assertEquals(7, report.getInt("read"));
        assertEquals(3, report.getInt("added"));
        assertEquals(1, report.getInt("alreadyPresent"));
        assertEquals(0, report.getInt("removed"));
        assertEquals(0, report.getInt("alreadyAbsent"));
        assertEquals(3, report.getInt("refused"));
        assertEquals(array(
                        object("line", 5, "reason", "value a MD5 value must be 32 hexadecimal characters, got 3"),
                        object("line", 6, "reason", "the line is not a JSON object"),
                        object("line", 7, "reason", "the line is too long to be one signal")),
                report.getJsonArray("refusedLines"));
        awaitBankFollowed(knownPdq);

        Person person = person("16_17");
        String nearSha = sha256();
        Reply answer = submit(person, UUID.randomUUID().toString(), object(
                "items", array(photo(knownSha, null, pdq(), 90), photo(nearSha, null, nearPdq, 60),
                        photo(sha256(), null, farPdq, 90), photo(sha256(), null, weakPdq, 90),
                        photo(sha256(), null, nearPdq, 45)),
                "consent", object("followUp", false)));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(List.of(true, false, false, false, false), answer.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getBoolean("alreadyKnown")).toList(),
                "only the exact SHA-256 match is told; the PDQ 31 bits away is not");
        String reference = answer.json().getString("reference");
        Reply view = api.get(CASES + "/" + reference, "Authorization", person.bearer());
        assertEquals(200, view.status(), view.body());
        assertEquals(List.of(true, false, false, false, false), view.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getBoolean("alreadyKnown")).toList());
        for (String never : List.of("knownDistance", "KNOWN_NEAR_MATCH", "Distance")) {
            assertFalse(answer.body().contains(never), "the submission's answer must not tell a near-match");
            assertFalse(view.body().contains(never), "the case view must not tell a near-match");
        }

        List<JsonObject> packages = QueuedMessages.payloads(database, "ANALYSTS",
                m -> m.toString().contains(nearSha));
        assertEquals(1, packages.size());
        JsonObject analysts = packages.get(0);
        assertTrue(strings(analysts.getJsonArray("priorityFlags")).contains("KNOWN_NEAR_MATCH"),
                analysts.getJsonArray("priorityFlags").toString());
        List<Integer> distances = analysts.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().containsKey("knownDistance")
                        ? item.asJsonObject().getInt("knownDistance") : -1).toList();
        assertEquals(List.of(-1, 31, -1, -1, -1), distances, "the near item's distance, for the analysts only");
    }

    @Test
    void removalsInTheImportTakeSignalsOutOfTheBankOnThisNodeWithinSeconds() throws Exception {
        String operator = "Bearer " + Tokens.operator(api);
        String sha = sha256();
        String md5 = md5();
        Reply imported = api.post(KNOWN_SIGNALS, NDJSON, signal("SHA256", sha) + "\n" + signal("MD5", md5) + "\n",
                "Authorization", operator);
        assertEquals(2, imported.json().getInt("added"), imported.body());
        awaitBankFollowed(md5);
        assertEquals(List.of(true), alreadyKnown(photo(sha, null, null, 0)));

        String removals = String.join("\n",
                object("type", "SHA256", "value", sha, "action", "REMOVE").toString(),
                object("type", "SHA256", "value", sha, "action", "REMOVE").toString(),
                object("type", "MD5", "value", md5, "action", "KEEP").toString()) + "\n";
        Reply removed = api.post(KNOWN_SIGNALS, NDJSON, removals, "Authorization", operator);

        assertEquals(200, removed.status(), removed.body());
        assertEquals(1, removed.json().getInt("removed"));
        assertEquals(1, removed.json().getInt("alreadyAbsent"), "removing again changes nothing");
        assertEquals(array(object("line", 3, "reason", "action must be ADD or REMOVE")),
                removed.json().getJsonArray("refusedLines"));
        awaitBankFollowed(sha);
        assertEquals(List.of(false), alreadyKnown(photo(sha, null, null, 0)));
        assertEquals(List.of(true), alreadyKnown(photo(sha256(), md5, null, 0)), "the other line was not applied");
    }

    @Test
    void theBulkImportTakesBodiesOverTheUsualLimitButNeverImagery() {
        String operator = "Bearer " + Tokens.operator(api);
        StringBuilder lines = new StringBuilder();
        while (lines.length() < 200_000) {
            lines.append(signal("SHA256", sha256())).append('\n');
        }
        int count = lines.toString().split("\n").length;
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        Reply imported = api.postStreamed(KNOWN_SIGNALS, NDJSON, body, "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(count, imported.json().getInt("added"));
        Reply again = api.postStreamed(KNOWN_SIGNALS, NDJSON, body, "Authorization", operator);
        assertEquals(0, again.json().getInt("added"), "an import can be run again: nothing is added twice");
        assertEquals(count, again.json().getInt("alreadyPresent"));

        hashesOnly().assertOn(api.post(KNOWN_SIGNALS, "image/png", "x", "Authorization", operator));
        bodyTooLarge(64 * 1024).assertOn(api.postJson(CASES, object("notes", "n".repeat(70_000)), "Authorization", operator));
        forbidden().assertOn(api.post(KNOWN_SIGNALS, NDJSON, object().toString(),
                "Authorization", person("16_17").bearer()));
    }

    @Test
    void anImportCutOffByTheLimitKeepsItsCommittedBatchesAndIsAudited() throws Exception {
        String operator = "Bearer " + Tokens.operator(api);
        // Streamed past the test server's 512 KiB import limit: two batches of 2,000 lines are committed first.
        List<String> values = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        while (lines.length() < 700_000) {
            values.add(sha256());
            lines.append(signal("SHA256", values.get(values.size() - 1))).append('\n');
        }
        long auditedBefore = count("SELECT COUNT(*) FROM audit_event WHERE action = 'KNOWN_SIGNALS_IMPORTED'");

        streamedBodyTooLarge().assertOn(api.postStreamed(KNOWN_SIGNALS, NDJSON,
                lines.toString().getBytes(StandardCharsets.UTF_8), "Authorization", operator));

        assertEquals(4_000, bankHolds(values.subList(0, 4_000)), "the committed batches stay");
        assertEquals(0, bankHolds(values.subList(4_000, values.size())), "the batch in progress is rolled back");
        assertEquals(auditedBefore + 1, count("SELECT COUNT(*) FROM audit_event WHERE action ="
                + " 'KNOWN_SIGNALS_IMPORTED'"), "the trail shows who put them there");
    }

    // --- helpers ---

    /** How many of these SHA-256 values the bank holds. */
    private long bankHolds(List<String> values) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM known_signal"
                     + " WHERE signal_type = 'SHA256' AND signal_value = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", values.toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** What a new case with these items answers for each: whether it is already known. */
    private List<Boolean> alreadyKnown(JsonObject... items) {
        Reply answer = submit(person("16_17"), UUID.randomUUID().toString(), object(
                "items", array((Object[]) items), "consent", object("followUp", false)));
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getBoolean("alreadyKnown")).toList();
    }

    /**
     * Waits until this node's index has applied the latest change to the test's own value in the bank, for at most
     * the 5 seconds a change may take to reach every node.
     */
    private void awaitBankFollowed(String value) throws Exception {
        long written = count("SELECT COALESCE(MAX(seq), 0) FROM known_signal_change WHERE signal_value = ?", value);
        assertTrue(written > 0, "the change is in the log");
        long deadline = System.nanoTime() + 5_000_000_000L;
        long followed = -1;
        while (System.nanoTime() < deadline) {
            for (var check : api.get("/health/ready").json().getJsonArray("checks")) {
                JsonObject c = check.asJsonObject();
                if ("known-signals".equals(c.getString("name")) && c.containsKey("data")) {
                    // The runtime writes a check's numbers as strings.
                    followed = Long.parseLong(c.getJsonObject("data").get("followedTo").toString()
                            .replace("\"", ""));
                }
            }
            if (followed >= written) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the index followed the change log to " + followed + " of " + written + " within 5 s");
    }

    private Person person(String band) {
        return YoungPeople.person(api, band);
    }

    private Reply submit(Person person, String key, JsonObject body) {
        return api.postJson(CASES, body, "Authorization", person.bearer(), "Idempotency-Key", key);
    }

    /** How many cases the person's account holds. */
    private long casesOf(Person person) {
        try {
            return count("SELECT COUNT(*) FROM report_case WHERE account_id = ?", person.accountId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject photo(String sha256, String md5, String pdq, int quality) {
        List<JsonObject> signals = new ArrayList<>();
        signals.add(signal("SHA256", sha256));
        if (md5 != null) {
            signals.add(signal("MD5", md5));
        }
        if (pdq != null) {
            signals.add(object("type", "PDQ", "value", pdq, "quality", quality));
        }
        return object("contentType", "PHOTO", "signals", arrayOf(signals));
    }

    private static JsonObject signal(String type, String value) {
        return object("type", type, "value", value);
    }

    private static String remember(List<String> sent, String value) {
        sent.add(value);
        return value;
    }

    /** The document spread over lines and indented, as a person would lay it out. */
    private static String pretty(JsonObject body) {
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(body);
        return out.toString();
    }

    private static String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5() {
        return sha256().substring(0, 32);
    }

    private static String pdq() {
        return sha256();
    }

    /** The PDQ with its first {@code bits} bits flipped. */
    private static String flipBits(String hex, int bits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i++) {
            int flip = Math.max(0, Math.min(4, bits - 4 * i));
            out.append(Character.forDigit(Character.digit(hex.charAt(i), 16) ^ ((1 << flip) - 1), 16));
        }
        return out.toString();
    }

    private String analystReferenceOf(String reference) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT analyst_reference FROM report_case WHERE case_reference = ?")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
