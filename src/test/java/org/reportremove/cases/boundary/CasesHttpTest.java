package org.reportremove.cases.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.crypto.EncryptionKeys;
import org.reportremove.platform.crypto.Sealer;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;

import java.io.StringReader;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Young people's cases against the deployed service and PostgreSQL: submission and its answer, every validation
 * rule, idempotency (also under a race), own cases only, added items, withdrawal, erasure with the account, what
 * is stored (encrypted) and what is queued for the analysts and the helpline, and the bank of known signals.
 */
class CasesHttpTest extends DeployedServiceTest {

    private static final String CASES = "/api/v1/cases";
    private static final String JSON = "application/json";
    private static final String PASSPHRASE = "seven purple kettles sing";

    @Test
    void aSubmittedCaseAnswersWithItsReferenceItemsAndSafetyAdvice() throws Exception {
        Person person = person("13_15");
        String sha = sha256();

        Reply reply = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha, md5(), pdq(), 90)
                + "], \"concerns\": [\"THREATENED\", \"KNOWS_WHO\"], \"consent\": {\"followUp\": true},"
                + " \"language\": \"en\"}");

        assertEquals(201, reply.status(), reply.body());
        JsonObject answer = reply.json();
        String reference = answer.getString("reference");
        assertTrue(reference.matches("RR(-[0-9A-HJKMNP-TV-Z]{4}){3}"), reference);
        assertEquals(Json.createReader(new StringReader("{\"reference\": \"" + reference + "\", \"status\": \"SUBMITTED\","
                + " \"items\": [{\"number\": 1, \"contentType\": \"PHOTO\", \"alreadyKnown\": false, \"from\": [0]}],"
                + " \"advice\": ["
                + "{\"code\": \"SAFETY_THREATENED\", \"text\": \"If someone is threatening you: do not pay them and do not"
                + " send anything more. Stop replying, but do not delete the messages, because they can help. Block them"
                + " and report them on the app or site.\"},"
                + "{\"code\": \"NOT_YOUR_FAULT\", \"text\": \"This is not your fault. The person who shares an image, or"
                + " threatens to, is the one doing wrong. You did the right thing by reporting it.\"},"
                + "{\"code\": \"COUNSELLOR_WILL_CONTACT\", \"text\": \"You said a counsellor may contact you. They will"
                + " send you a message in the app soon. You can also choose 'Talk to someone' at any time.\"}]}"))
                .readObject(), answer);

        Reply read = api.get(CASES + "/" + reference, "Authorization", person.bearer());
        assertEquals(200, read.status(), read.body());
        JsonObject held = read.json();
        assertEquals("SUBMITTED", held.getString("status"));
        assertEquals("en", held.getString("language"));
        assertEquals(List.of("THREATENED", "KNOWS_WHO"), strings(held.getJsonArray("concerns")));
        assertEquals(Json.createObjectBuilder().add("followUp", true).add("contactBy", "APP_MESSAGE").build(),
                held.getJsonObject("consent"));
        assertEquals(sha, held.getJsonArray("items").getJsonObject(0).getJsonArray("signals").stream()
                .map(JsonObject.class::cast).filter(s -> s.getString("type").equals("SHA256")).findFirst().orElseThrow()
                .getString("value"));
        assertEquals(1, countWhere("report_case", "account_id", person.accountId()));
    }

    @Test
    void adviceIsInWelshWhenAskedAndNamesWeakOrMissingPictureFingerprints() {
        Person person = person("16_17");

        Reply reply = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 30)
                + ", {\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"MD5\", \"value\": \"" + md5() + "\"}]}],"
                + " \"concerns\": [\"AT_RISK\"], \"consent\": {\"followUp\": false}, \"language\": \"cy\"}");

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
        long cases = count("report_case");
        long queued = count("outbox_message");

        Reply reply = submit(person, UUID.randomUUID().toString(), "{\"items\": ["
                + "{\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"SHA256\", \"value\": \"" + sha256().substring(2)
                + "\"}, {\"type\": \"MD5\", \"value\": \"d41d8cd98f00b204e9800998ecf8427e\"},"
                + " {\"type\": \"PDQ\", \"value\": \"" + pdq() + "\", \"quality\": 101}]},"
                + "{\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"PDQ\", \"value\": \"" + "0".repeat(64)
                + "\", \"quality\": 80}]}],"
                + " \"locations\": [{\"kind\": \"URL\", \"url\": \"javascript:alert(1)\"}, {\"kind\": \"URL\", \"url\":"
                + " \"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ\"}],"
                + " \"notes\": \"" + "n".repeat(2001) + "\", \"consent\": {\"followUp\": false}}");

        assertInvalidFields(reply,
                "items[0].signals[0].value", "a SHA256 value must be 64 hexadecimal characters, got 62",
                "items[0].signals[1].value", "is the MD5 of an empty file, which matches nothing real: hash the file itself",
                "items[0].signals[2].quality", "must be from 0 to 100",
                "items[1].signals[0].value", "is the PDQ of a blank or single-colour image, which would match far too much",
                "locations[0].url", "must be an http or https address",
                "locations[1].url", "must not hold image data: this service accepts hashes only",
                "notes", "must be at most 2,000 characters");
        assertFalse(reply.body().contains("d41d8cd98f00b204e9800998ecf8427e"), "the problem never repeats a value");

        assertInvalidFields(submit(person, UUID.randomUUID().toString(), "{\"items\": [{\"contentType\": \"GIF\","
                        + " \"signals\": [{\"type\": \"SHA1\", \"value\": \"ab\"}]}], \"consent\": {}, \"language\": \"fr\"}"),
                "consent.followUp", "is required: true if a counsellor may contact you, false if not",
                "items[0].contentType", "must be one of PHOTO, VIDEO",
                "items[0].signals[0].type", "must be one of SHA256, MD5, PDQ",
                "language", "must be one of en, cy");
        assertInvalidFields(submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, null, 0)
                        .replace(",{\"type\": \"PDQ\"", "") + "], \"locations\": ["
                        + "{\"kind\": \"URL\", \"url\": \"" + "https://example.com/".repeat(103) + "\"}], \"concerns\":"
                        + " [\"BORED\"], \"consent\": {\"followUp\": false}}"),
                "locations[0].url", "must be at most 2,048 characters",
                "concerns[0]", "must be one of THREATENED, AI_OR_ALTERED, KNOWS_WHO, AT_RISK");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append(photo(sha256(), null, null, 0));
        }
        assertInvalidFields(submit(person, UUID.randomUUID().toString(), "{\"items\": [" + many
                + "], \"consent\": {\"followUp\": false}}"), "items", "must hold 1 to 50 items");
        assertInvalidFields(submit(person, UUID.randomUUID().toString(), "{\"items\": [{\"contentType\": \"VIDEO\","
                        + " \"signals\": [{\"type\": \"PDQ\", \"value\": \"" + pdq() + "\", \"quality\": 70}]}],"
                        + " \"locations\": [" + ",{\"kind\": \"DONT_KNOW\"}".repeat(21).substring(1) + "],"
                        + " \"consent\": {\"followUp\": false}}"),
                "items[0].signals", "needs at least one SHA256 or MD5 signal",
                "locations", "must hold at most 20 locations");

        assertEquals(cases, count("report_case"), "no case stored for refused input");
        assertEquals(queued, count("outbox_message"), "nothing queued for refused input");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndARetryGetsTheSameAnswer() throws SQLException {
        Person person = person("16_17");
        String body = "{\"items\": [" + photo(sha256(), md5(), pdq(), 80) + "], \"consent\": {\"followUp\": false}}";

        Reply missing = api.post(CASES, JSON, body, "Authorization", person.bearer());
        assertProblem(missing, 400, "idempotency-key-required");
        assertEquals("Send an Idempotency-Key header of 8 to 128 letters, digits, '-' or '_' (a new UUID per case),"
                + " and the same key to retry the same request.", missing.json().getString("detail"));

        String key = UUID.randomUUID().toString();
        Reply first = submit(person, key, body);
        Reply retried = submit(person, key, body.replace(", \"consent\"", ",\n  \"consent\""));
        assertEquals(201, first.status(), first.body());
        assertEquals(201, retried.status(), retried.body());
        assertEquals(first.json(), retried.json());
        assertEquals(1, countWhere("report_case", "account_id", person.accountId()));

        Reply different = submit(person, key, body.replace("\"followUp\": false", "\"followUp\": true"));
        assertProblem(different, 422, "idempotency-key-reused");
        assertEquals(1, countWhere("report_case", "account_id", person.accountId()));
    }

    @Test
    void racingRetriesWithOneKeyMakeOneCaseAndGetOneAnswer() throws Exception {
        Person person = person("13_15");
        String key = UUID.randomUUID().toString();
        String body = "{\"items\": [" + photo(sha256(), md5(), pdq(), 80) + "], \"consent\": {\"followUp\": false}}";
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
        Set<String> answers = new java.util.HashSet<>();
        for (Future<Reply> reply : replies) {
            assertEquals(201, reply.get().status(), reply.get().body());
            answers.add(reply.get().json().toString());
        }
        pool.shutdown();

        assertEquals(1, answers.size(), "every racing request got the same answer");
        assertEquals(1, countWhere("report_case", "account_id", person.accountId()));
    }

    @Test
    void anotherPersonsCaseIsNotFoundExactlyLikeAMissingOne() {
        Person owner = person("16_17");
        Person other = person("16_17");
        String reference = submit(owner, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 80)
                + "], \"consent\": {\"followUp\": false}}").json().getString("reference");

        Reply theirs = api.get(CASES + "/" + reference, "Authorization", other.bearer());
        Reply missing = api.get(CASES + "/RR-0000-0000-0000", "Authorization", other.bearer());
        Reply nonsense = api.get(CASES + "/not-a-reference", "Authorization", other.bearer());
        assertProblem(theirs, 404, "not-found");
        assertEquals(theirs.body(), missing.body());
        assertEquals(theirs.body(), nonsense.body());
        assertEquals(theirs.body(), api.post(CASES + "/" + reference + "/withdrawal", JSON, "",
                "Authorization", other.bearer()).body());
        assertEquals(theirs.body(), api.post(CASES + "/" + reference + "/items", JSON, "{\"items\": ["
                + photo(sha256(), null, pdq(), 80) + "]}", "Authorization", other.bearer()).body());

        Reply list = api.get(CASES, "Authorization", other.bearer());
        assertEquals(200, list.status());
        assertEquals("[]", list.body());
        Reply own = api.get(CASES, "Authorization", owner.bearer());
        JsonArray owned = Json.createReader(new StringReader(own.body())).readArray();
        assertEquals(1, owned.size());
        assertEquals(reference, owned.getJsonObject(0).getString("reference"));
        assertEquals(1, owned.getJsonObject(0).getInt("items"));
        assertEquals("SUBMITTED", api.get(CASES + "/" + reference.toLowerCase(), "Authorization", owner.bearer())
                .json().getString("status"), "a reference is read in either case");
    }

    @Test
    void onlyYoungPeopleReachCases() {
        assertProblem(api.get(CASES), 401, "unauthenticated");
        assertProblem(api.get(CASES, "Authorization", "Bearer " + Tokens.counsellor(api, "c-17")), 403, "forbidden");
        assertProblem(api.post(CASES, "image/jpeg", "not really a jpeg"), 415, "hashes-only");
    }

    @Test
    void itemsFoundLaterAreAddedAndTheSameFileIsMergedNotRepeated() {
        Person person = person("16_17");
        String sha = sha256();
        String reference = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha, null, pdq(), 80)
                + "], \"consent\": {\"followUp\": false}}").json().getString("reference");
        String video = sha256();

        Reply added = api.post(CASES + "/" + reference + "/items", JSON, "{\"items\": [{\"contentType\": \"VIDEO\","
                + " \"signals\": [{\"type\": \"SHA256\", \"value\": \"" + video + "\"}]}, "
                + photo(sha, md5(), null, 0) + ", {\"contentType\": \"VIDEO\", \"signals\": [{\"type\": \"SHA256\","
                + " \"value\": \"" + video.toUpperCase() + "\"}]}]}", "Authorization", person.bearer());

        assertEquals(200, added.status(), added.body());
        assertEquals(Json.createReader(new StringReader("{\"reference\": \"" + reference + "\", \"status\": \"SUBMITTED\","
                + " \"items\": [{\"number\": 2, \"contentType\": \"VIDEO\", \"alreadyKnown\": false, \"from\": [0, 2]},"
                + " {\"number\": 1, \"contentType\": \"PHOTO\", \"alreadyKnown\": false, \"from\": [1]}],"
                + " \"advice\": []}")).readObject(), added.json());
        JsonArray items = api.get(CASES + "/" + reference, "Authorization", person.bearer()).json().getJsonArray("items");
        assertEquals(2, items.size());
        assertEquals(3, items.getJsonObject(0).getJsonArray("signals").size(), "the photo gained its MD5");
    }

    @Test
    void aWithdrawnCaseTakesNoMoreItemsAndWhatItHadNotSentNeverLeaves() throws Exception {
        Person person = person("16_17");
        String reference = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 80)
                + "], \"consent\": {\"followUp\": false}}").json().getString("reference");
        String analystReference = analystReferenceOf(reference);

        Reply withdrawn = api.post(CASES + "/" + reference + "/withdrawal", JSON, "", "Authorization", person.bearer());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
        assertEquals(reference, withdrawn.json().getString("reference"));
        Reply again = api.post(CASES + "/" + reference + "/withdrawal", JSON, "", "Authorization", person.bearer());
        assertEquals(200, again.status());

        // Nothing had been leased: the package is taken back, and the analyst side never hears of the case.
        assertEquals(List.of(), queued("ANALYSTS").stream()
                .filter(m -> m.getString("analystReference").equals(analystReference)).toList());

        Reply more = api.post(CASES + "/" + reference + "/items", JSON, "{\"items\": [" + photo(sha256(), null, pdq(), 80)
                + "]}", "Authorization", person.bearer());
        assertProblem(more, 409, "case-withdrawn");
        assertEquals(List.of("CASE_SUBMITTED", "CASE_WITHDRAWN"), auditActionsFor(reference),
                "one entry per change: none for the second withdrawal or the refused items");
    }

    @Test
    void theAnalystPackageHoldsOnlyWhatTheAnalystSideMaySee() throws Exception {
        Person person = person("UNDER_13");
        String sha = sha256();
        String url = "https://example.com/shared/" + UUID.randomUUID();
        String notes = "Notes only I and a counsellor may read " + UUID.randomUUID();
        JsonObject answer = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha, md5(), pdq(), 90)
                + "], \"locations\": [{\"kind\": \"URL\", \"url\": \"" + url + "\"}, {\"kind\": \"PLATFORM\","
                + " \"platform\": \"SNAPCHAT\", \"name\": \"the_group_name\"}], \"concerns\": [\"THREATENED\"],"
                + " \"notes\": \"" + notes + "\", \"consent\": {\"followUp\": true, \"contactBy\": \"CHAT\"}}").json();
        String reference = answer.getString("reference");

        JsonObject analysts = queued("ANALYSTS").stream().filter(m -> m.toString().contains(sha)).findFirst().orElseThrow();
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
        assertEquals(Json.createReader(new StringReader("[{\"kind\": \"URL\", \"url\": \"" + url + "\"}, {\"kind\":"
                + " \"PLATFORM\", \"platform\": \"SNAPCHAT\", \"name\": \"the_group_name\"}]")).readArray(),
                analysts.getJsonArray("locations"));

        JsonObject flag = queued("HELPLINE").stream().filter(m -> m.getString("caseReference").equals(reference))
                .findFirst().orElseThrow();
        assertEquals(Json.createReader(new StringReader("{\"type\": \"SAFEGUARDING_FLAG\", \"caseReference\": \""
                + reference + "\", \"concerns\": [\"THREATENED\"], \"ageBand\": \"UNDER_13\", \"contactBy\": \"CHAT\"}"))
                .readObject(), flag);
    }

    @Test
    void withoutConsentNoSafeguardingFlagIsQueuedButTheAdviceIsGiven() throws Exception {
        Person person = person("16_17");
        JsonObject answer = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 90)
                + "], \"concerns\": [\"AT_RISK\"], \"consent\": {\"followUp\": false}}").json();

        String reference = answer.getString("reference");
        assertTrue(queued("HELPLINE").stream().noneMatch(m -> m.getString("caseReference").equals(reference)));
        assertEquals("SAFETY_IN_DANGER", answer.getJsonArray("advice").getJsonObject(0).getString("code"));
    }

    @Test
    void notesAndLocationsAreNeverStoredInPlainText() throws Exception {
        Person person = person("13_15");
        String notes = "A distinctive note about Bramblewick " + UUID.randomUUID();
        String url = "https://distinctive-" + UUID.randomUUID() + ".example/page";
        String name = "platform_name_" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 90)
                + "], \"locations\": [{\"kind\": \"URL\", \"url\": \"" + url + "\"}, {\"kind\": \"PLATFORM\","
                + " \"platform\": \"DISCORD\", \"name\": \"" + name + "\"}], \"notes\": \"" + notes
                + "\", \"consent\": {\"followUp\": true}}");
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
        String first = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 90)
                + "], \"notes\": \"the first case's note\", \"consent\": {\"followUp\": false}}").json().getString("reference");
        String second = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 90)
                + "], \"notes\": \"the second case's note\", \"consent\": {\"followUp\": false}}").json().getString("reference");
        try (Connection connection = database.getConnection();
             PreparedStatement move = connection.prepareStatement("UPDATE report_case SET notes_sealed ="
                     + " (SELECT notes_sealed FROM report_case WHERE case_reference = ?) WHERE case_reference = ?")) {
            move.setString(1, first);
            move.setString(2, second);
            assertEquals(1, move.executeUpdate());
        }

        Reply read = api.get(CASES + "/" + second, "Authorization", person.bearer());
        assertProblem(read, 500, "internal-error");
        assertFalse(read.body().contains("first case"));
    }

    @Test
    void erasingTheAccountWithdrawsAndDeletesItsCases() throws Exception {
        Person person = person("16_17");
        String reference = submit(person, UUID.randomUUID().toString(), "{\"items\": [" + photo(sha256(), null, pdq(), 90)
                + "], \"notes\": \"to be erased\", \"consent\": {\"followUp\": false}}").json().getString("reference");
        String analystReference = analystReferenceOf(reference);

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", "{\"passphrase\": \"" + PASSPHRASE + "\"}",
                "Authorization", person.bearer());
        assertEquals(204, erased.status(), erased.body());

        assertEquals(0, countWhere("report_case", "account_id", person.accountId()));
        assertEquals(0, countWhere("case_submission", "account_id", person.accountId()));
        assertTrue(queued("ANALYSTS").stream().noneMatch(m -> m.getString("analystReference").equals(analystReference)),
                "the case's unsent package was taken back with it");
    }

    @Test
    void itemsInTheBankOfKnownSignalsAreAlreadyKnown() {
        String operator = "Bearer " + Tokens.operator(api);
        String knownSha = sha256();
        String knownPdq = pdq();
        String nearPdq = flipBits(knownPdq, 31);
        String farPdq = flipBits(knownPdq, 32);
        String weakPdq = pdq();
        Reply imported = api.post("/api/v1/operator/known-signals", "application/x-ndjson",
                "{\"type\": \"SHA256\", \"value\": \"" + knownSha.toUpperCase() + "\"}\n"
                        + "{\"type\": \"PDQ\", \"value\": \"" + knownPdq + "\", \"quality\": 90}\n"
                        + "{\"type\": \"PDQ\", \"value\": \"" + weakPdq + "\", \"quality\": 40}\n"
                        + "\n"
                        + "{\"type\": \"SHA256\", \"value\": \"" + knownSha + "\"}\n"
                        + "{\"type\": \"MD5\", \"value\": \"xyz\"}\n"
                        + "not json at all\n", "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        JsonObject report = imported.json();
        assertEquals(6, report.getInt("read"));
        assertEquals(3, report.getInt("added"));
        assertEquals(1, report.getInt("alreadyPresent"));
        assertEquals(2, report.getInt("refused"));
        assertEquals(Json.createReader(new StringReader("[{\"line\": 5, \"reason\": \"value a MD5 value must be 32"
                + " hexadecimal characters, got 3\"}, {\"line\": 6, \"reason\": \"the line is not a JSON object\"}]"))
                .readArray(), report.getJsonArray("refusedLines"));

        Person person = person("16_17");
        Reply answer = submit(person, UUID.randomUUID().toString(), "{\"items\": ["
                + photo(knownSha, null, pdq(), 90) + ", " + photo(sha256(), null, nearPdq, 60) + ", "
                + photo(sha256(), null, farPdq, 90) + ", " + photo(sha256(), null, weakPdq, 90) + ", "
                + photo(sha256(), null, nearPdq, 45) + "], \"consent\": {\"followUp\": false}}");
        assertEquals(201, answer.status(), answer.body());
        assertEquals(List.of(true, true, false, false, false), answer.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getBoolean("alreadyKnown")).toList());
    }

    @Test
    void theBulkImportTakesBodiesOverTheUsualLimitButNeverImagery() {
        String operator = "Bearer " + Tokens.operator(api);
        StringBuilder lines = new StringBuilder();
        while (lines.length() < 200_000) {
            lines.append("{\"type\": \"SHA256\", \"value\": \"").append(sha256()).append("\"}\n");
        }
        int count = lines.toString().split("\n").length;
        Reply imported = api.postStreamed("/api/v1/operator/known-signals", "application/x-ndjson",
                lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(count, imported.json().getInt("added"));
        Reply again = api.postStreamed("/api/v1/operator/known-signals", "application/x-ndjson",
                lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "Authorization", operator);
        assertEquals(0, again.json().getInt("added"), "an import can be run again: nothing is added twice");
        assertEquals(count, again.json().getInt("alreadyPresent"));

        assertProblem(api.post("/api/v1/operator/known-signals", "image/png", "x", "Authorization", operator),
                415, "hashes-only");
        assertProblem(api.post(CASES, JSON, "{\"notes\": \"" + "n".repeat(70_000) + "\"}", "Authorization", operator),
                413, "body-too-large");
        assertProblem(api.post("/api/v1/operator/known-signals", "application/x-ndjson", "{}",
                "Authorization", person("16_17").bearer()), 403, "forbidden");
    }

    /** A young person with a self-declared account, signed in through the token endpoint. */
    private record Person(String accountId, String username, String bearer) {
    }

    private Person person(String band) {
        StringBuilder username = new StringBuilder("yp_");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            username.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        Reply opened = api.post("/api/v1/accounts", JSON, "{\"username\": \"" + username + "\", \"passphrase\": \""
                + PASSPHRASE + "\", \"selfDeclaredAgeBand\": \"" + band + "\"}");
        assertEquals(201, opened.status(), opened.body());
        Reply token = api.postForm("/api/v1/auth/token", "grant_type", "password", "username", username.toString(),
                "password", PASSPHRASE);
        assertEquals(200, token.status(), token.body());
        return new Person(opened.json().getString("accountId"), username.toString(),
                "Bearer " + token.json().getString("access_token"));
    }

    private Reply submit(Person person, String key, String body) {
        return api.post(CASES, JSON, body, "Authorization", person.bearer(), "Idempotency-Key", key);
    }

    private static String photo(String sha256, String md5, String pdq, int quality) {
        StringBuilder item = new StringBuilder("{\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"SHA256\","
                + " \"value\": \"" + sha256 + "\"}");
        if (md5 != null) {
            item.append(",{\"type\": \"MD5\", \"value\": \"").append(md5).append("\"}");
        }
        if (pdq != null) {
            item.append(",{\"type\": \"PDQ\", \"value\": \"").append(pdq).append("\", \"quality\": ").append(quality)
                    .append('}');
        }
        return item.append("]}").toString();
    }

    private static String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
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

    /** Every queued message of a topic, decrypted with the test run's keyset. */
    private List<JsonObject> queued(String topic) throws SQLException, GeneralSecurityException {
        Sealer sealer = new Sealer(EncryptionKeys.parse(TestRun.encryptionKeyset()));
        List<JsonObject> messages = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, payload FROM outbox_message WHERE topic = ?")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(Json.createReader(new StringReader(
                            sealer.open(rows.getBytes(2), "outbox:" + rows.getString(1)))).readObject());
                }
            }
        }
        return messages;
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
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .collect(Collectors.toList());
    }

    private static void assertProblem(Reply reply, int status, String slug) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals("urn:reportremove:problem:" + slug, reply.json().getString("type"));
    }

    /** A 400 whose errors are exactly these fields and messages, in this order. */
    private static void assertInvalidFields(Reply reply, String... fieldsAndMessages) {
        assertProblem(reply, 400, "invalid-fields");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            expected.add(fieldsAndMessages[i] + ": " + fieldsAndMessages[i + 1]);
        }
        List<String> actual = reply.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("field") + ": " + e.getString("message")).toList();
        assertEquals(expected, actual);
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countWhere(String table, String column, String value) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
