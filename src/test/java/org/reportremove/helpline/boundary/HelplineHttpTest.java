package org.reportremove.helpline.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.crypto.EncryptionKeys;
import org.reportremove.platform.crypto.Sealer;
import org.reportremove.testing.AnalystSide;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.JsonBodies;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.AnalystSide.event;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.ProblemAssert.invalidFields;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;

/**
 * The helpline partners' side against the deployed service and PostgreSQL, with two helpline partners configured
 * ({@code test-helpline} and {@code test-helpline-2}): consent per partner, the case list safeguarding first, the
 * data boundary of what a counsellor sees, notes private to their helpline, messages both ways, age confirmation,
 * assisted recovery, and the events queued for each partner (and taken back).
 */
class HelplineHttpTest extends DeployedServiceTest {

    private static final String JSON = "application/json";
    private static final String CASES = "/api/v1/helpline/cases";
    private static final String ONE = "test-helpline";
    private static final String TWO = "test-helpline-2";

    @Test
    void consentedCasesAreListedSafeguardingFirstThenOldestAndPagedWithACursor() {
        Person verifiedLike = YoungPeople.person(api, "16_17");
        confirmAgeOf(verifiedLike);
        String plain = submit(verifiedLike, array("KNOWS_WHO"), object("followUp", true));
        Person declared = YoungPeople.person(api, "13_15");
        String unconfirmed = submit(declared, array(), object("followUp", true));
        Person young = YoungPeople.person(api, "UNDER_13");
        String under13 = submit(young, array(), object("followUp", true));
        String atRisk = submit(declared, array("AT_RISK"), object("followUp", true));
        String threatened = submit(declared, array("THREATENED"), object("followUp", true));
        String threatenedLater = submit(declared, array("THREATENED", "AT_RISK"), object("followUp", true));
        String notConsented = submit(declared, array("THREATENED"), object("followUp", false));
        List<String> ours = List.of(plain, unconfirmed, under13, atRisk, threatened, threatenedLater, notConsented);

        String bearer = counsellor(ONE, "c-order");
        assertEquals(List.of(threatened, threatenedLater, atRisk, under13, unconfirmed, plain),
                allPages(bearer, "", 2).stream().filter(ours::contains).toList(),
                "safeguarding first, then oldest; an unconsented case is never listed");
        assertEquals(List.of(threatened, threatenedLater), allPages(bearer, "&flag=THREATENED", 100).stream()
                .filter(ours::contains).toList());
        assertEquals(List.of(under13), allPages(bearer, "&flag=UNDER_13", 100).stream().filter(ours::contains)
                .toList());
        JsonObject first = summaryOf(bearer, threatenedLater);
        assertEquals(object("reference", threatenedLater, "status", "SUBMITTED",
                "flags", array("THREATENED", "AT_RISK", "AGE_UNCONFIRMED"), "ageBand", "13_15",
                "ageAssurance", "SELF_DECLARED", "submittedOn", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate()
                        .toString(), "stage", "RECEIVED"), first);

        withdraw(declared, atRisk);
        assertFalse(allPages(bearer, "&status=SUBMITTED", 100).contains(atRisk));
        assertTrue(allPages(bearer, "&status=WITHDRAWN", 100).contains(atRisk));

        invalidFields("flag", "must be one of THREATENED, AT_RISK, UNDER_13, AGE_UNCONFIRMED")
                .assertOn(api.get(CASES + "?flag=threatened", "Authorization", bearer));
        invalidFields("status", "must be one of SUBMITTED, WITHDRAWN")
                .assertOn(api.get(CASES + "?status=OPEN", "Authorization", bearer));
        invalidFields("cursor", "must be the next value of a page this service gave you")
                .assertOn(api.get(CASES + "?cursor=bm90LWEtY3Vyc29y", "Authorization", bearer));
        invalidFields("size", "must be a whole number from 1 to 100")
                .assertOn(api.get(CASES + "?size=0", "Authorization", bearer));
        assertEquals(403, api.get(CASES, "Authorization", declared.bearer()).status(),
                "a young person's token opens no counsellor address");
    }

    @Test
    void consentIsGivenChangedAndWithdrawnPerPartnerAndWhatWaitedIsTakenBack() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String reference = submit(person, array("THREATENED"), object("followUp", true, "partners", array(ONE)));
        String one = counsellor(ONE, "c-1");
        String two = counsellor(TWO, "c-2");
        assertEquals(200, api.get(CASES + "/" + reference, "Authorization", one).status());
        notFound().assertOn(api.get(CASES + "/" + reference, "Authorization", two));
        assertEquals(List.of("case.submitted " + ONE, "safeguarding.raised " + ONE), helplineEvents(reference)
                .stream().filter(e -> !e.startsWith("case.progressed")).sorted().toList());

        Reply both = api.sendJson("PUT", consent(reference), object("followUp", true, "contactBy", "CHAT"),
                "Authorization", person.bearer());
        assertEquals(200, both.status(), both.body());
        assertEquals(object("followUp", true, "contactBy", "CHAT"), both.json(), "every helpline: no partner list");
        assertEquals(200, api.get(CASES + "/" + reference, "Authorization", two).status());
        assertTrue(helplineEvents(reference).containsAll(List.of("case.submitted " + TWO,
                "safeguarding.raised " + TWO)), "a partner given consent later is told of the case");

        Reply onlyTwo = api.sendJson("PUT", consent(reference), object("followUp", true, "partners", array(TWO)),
                "Authorization", person.bearer());
        assertEquals(object("followUp", true, "contactBy", "APP_MESSAGE", "partners", array(TWO)), onlyTwo.json());
        notFound().assertOn(api.get(CASES + "/" + reference, "Authorization", one));
        List<String> events = helplineEvents(reference);
        assertEquals(List.of("consent.withdrawn " + ONE), events.stream().filter(e -> e.endsWith(" " + ONE)).toList(),
                "what waited for the first helpline was taken back; it is told only that consent was withdrawn");
        assertTrue(events.contains("safeguarding.raised " + TWO), "the other helpline keeps its own messages");

        Reply none = api.sendJson("PUT", consent(reference), object("followUp", false),
                "Authorization", person.bearer());
        assertEquals(object("followUp", false), none.json());
        notFound().assertOn(api.get(CASES + "/" + reference, "Authorization", two));
        assertEquals(List.of("consent.withdrawn " + ONE, "consent.withdrawn " + TWO), helplineEvents(reference)
                .stream().sorted().toList(), "nothing else about the case is left to go out");
        assertFalse(allPages(two, "", 100).contains(reference));
        assertEquals(3, auditActionsFor(reference).stream().filter("CONSENT_CHANGED"::equals).count());

        problem(422, "unknown-helpline-partner", "A partner named in the consent is not a helpline partner of this"
                + " service").assertOn(api.sendJson("PUT", consent(reference),
                object("followUp", true, "partners", array("no-such-helpline")), "Authorization", person.bearer()));
        invalidFields("partners", "may only be given with followUp true").assertOn(api.sendJson("PUT",
                consent(reference), object("followUp", false, "partners", array(ONE)), "Authorization",
                person.bearer()));
        invalidFields("partners", "must name 1 to 20 helpline partners, or be left out for every helpline partner")
                .assertOn(api.sendJson("PUT", consent(reference), object("followUp", true, "partners", array()),
                        "Authorization", person.bearer()));
        invalidFields("followUp", "is required: true if a counsellor may contact you, false if not")
                .assertOn(api.sendJson("PUT", consent(reference), object(), "Authorization", person.bearer()));
        notFound().assertOn(api.sendJson("PUT", consent("RR-0000-0000-0000"), object("followUp", true),
                "Authorization", person.bearer()));
        assertEquals(3, auditActionsFor(reference).stream().filter("CONSENT_CHANGED"::equals).count(),
                "a refused change changes nothing");
    }

    @Test
    void withdrawingTheCaseTakesBackWhatWaitedAndTellsEachConsentedHelplineOnce() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String reference = submit(person, array("AT_RISK"), object("followUp", true));
        Reply sent = api.postJson(CASES + "/" + reference + "/messages", object("text", "Are you safe?"),
                "Authorization", counsellor(ONE, "c-last"));
        assertEquals(201, sent.status(), sent.body());
        withdraw(person, reference);

        // Nothing follows case.withdrawn: neither a reply to the counsellor nor a change of consent.
        problem(409, "helpline-no-longer-follows-up", "This helpline may no longer follow up the case")
                .detail("You withdrew this case, so no helpline follows it up any more and it cannot receive a"
                        + " reply.")
                .assertOn(api.postJson("/api/v1/inbox/" + sent.json().getString("id") + "/replies",
                        object("text", "yes"), "Authorization", person.bearer()));
        assertEquals(200, api.sendJson("PUT", consent(reference), object("followUp", false), "Authorization",
                person.bearer()).status());
        assertEquals(List.of("case.withdrawn " + ONE, "case.withdrawn " + TWO), helplineEvents(reference).stream()
                .sorted().toList());
        JsonObject withdrawn = helplinePayloads(reference).get(0).getJsonObject("data");
        assertEquals(object("reference", reference, "withdrawnOn", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate()
                .toString()), withdrawn);
    }

    @Test
    void aCounsellorNeverSeesASignalACategoryTheAnalystReferenceOrWhoTheYoungPersonIs() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String sha = YoungPeople.hex(64);
        String pdq = YoungPeople.hex(64);
        String md5 = YoungPeople.hex(32);
        String notes = "Only for the helpline " + UUID.randomUUID();
        String url = "https://example.com/boundary/" + UUID.randomUUID();
        Reply submitted = api.postJson("/api/v1/cases", object(
                "items", array(object("contentType", "PHOTO", "signals", array(object("type", "SHA256", "value", sha),
                        object("type", "MD5", "value", md5), object("type", "PDQ", "value", pdq, "quality", 90)))),
                "locations", array(object("kind", "URL", "url", url)),
                "concerns", array("THREATENED"), "notes", notes, "consent", object("followUp", true),
                "language", "en"), "Authorization", person.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().getString("reference");
        AtAnalysts analysts = receivedByAnalysts(reference);
        String analystReference = analysts.analystReference();
        String itemReference = analysts.itemReference();
        analysts.side().sendApplied(analysts.assessed());

        String bearer = counsellor(ONE, "c-scan");
        Reply read = api.get(CASES + "/" + reference, "Authorization", bearer);
        assertEquals(200, read.status(), read.body());
        JsonObject view = read.json();
        assertEquals(notes, view.getString("notes"), "the young person agreed this helpline may read them");
        assertEquals(array(object("kind", "URL", "url", url)), view.getJsonArray("locations"));
        assertEquals(List.of("RECEIVED", "WITH_ANALYSTS", "ASSESSED"), view.getJsonObject("progress")
                .getJsonArray("milestones").stream().map(m -> m.asJsonObject().getString("milestone")).toList());
        assertEquals(java.util.Set.of("reference", "status", "language", "submittedOn", "ageBand", "ageAssurance",
                "flags", "concerns", "contactBy", "notes", "locations", "progress", "messages"), view.keySet(),
                "exactly the members the boundary table allows");

        List<String> answers = new ArrayList<>();
        answers.add(read.body());
        answers.add(api.get(CASES + "?size=100", "Authorization", bearer).body());
        answers.add(api.postJson(CASES + "/" + reference + "/notes", object("text", "called back"),
                "Authorization", bearer).body());
        answers.add(api.get(CASES + "/" + reference + "/notes", "Authorization", bearer).body());
        answers.add(api.postJson(CASES + "/" + reference + "/messages", object("text", "hello"),
                "Authorization", bearer).body());
        answers.add(api.get(CASES + "/" + reference, "Authorization", bearer).body());
        for (String answer : answers) {
            for (String never : List.of(sha, md5, pdq, analystReference, itemReference, person.username(),
                    person.accountId(), "category", "\"B\"")) {
                assertFalse(answer.contains(never), "a counsellor answer must not hold a value of "
                        + never.length() + " characters");
            }
        }
        for (JsonObject payload : helplinePayloads(reference)) {
            String text = payload.toString();
            for (String never : List.of(sha, md5, pdq, analystReference, itemReference, person.username(),
                    person.accountId(), notes, url, "hello", "called back")) {
                assertFalse(text.contains(never), "a helpline event must not hold a value of " + never.length()
                        + " characters");
            }
        }
    }

    @Test
    void notesAreSealedAndReadOnlyByTheHelplineThatWroteThem() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String reference = submit(person, array("KNOWS_WHO"), object("followUp", true));
        String one = counsellor(ONE, "c-notes");
        String text = "Agreed to call back on Friday " + UUID.randomUUID();

        invalidFields("text", "must hold some text").assertOn(api.postJson(CASES + "/" + reference + "/notes",
                object("text", "  "), "Authorization", one));
        invalidFields("text", "must be at most 2,000 characters").assertOn(api.postJson(CASES + "/" + reference
                + "/notes", object("text", "x".repeat(2001)), "Authorization", one));
        invalidFields("text", "is required").assertOn(api.postJson(CASES + "/" + reference + "/notes", object(),
                "Authorization", one));
        Reply written = api.postJson(CASES + "/" + reference + "/notes", object("text", text), "Authorization", one);
        assertEquals(201, written.status(), written.body());
        assertEquals(ONE + ":c-notes", written.json().getString("counsellor"));

        Reply ownNotes = api.get(CASES + "/" + reference + "/notes", "Authorization", one);
        assertEquals(200, ownNotes.status(), ownNotes.body());
        JsonArray notes = JsonBodies.parseArray(ownNotes.body());
        assertEquals(1, notes.size());
        assertEquals(text, notes.getJsonObject(0).getString("text"));
        Reply otherNotes = api.get(CASES + "/" + reference + "/notes", "Authorization", counsellor(TWO, "c-other"));
        assertEquals(200, otherNotes.status(), otherNotes.body());
        assertEquals("[]", otherNotes.body(), "another helpline never sees them");
        Reply own = api.get("/api/v1/cases/" + reference, "Authorization", person.bearer());
        assertFalse(own.body().contains(text), "the young person never sees them");
        assertEquals(List.of(), DatabaseScan.findAnyOf(database, List.of(text)), "stored only sealed");
        assertEquals(List.of(ONE + ":c-notes", ONE + ":c-notes"), auditActorsFor(reference, "HELPLINE_NOTE_WRITTEN",
                "HELPLINE_NOTES_READ").subList(0, 2));
        notFound().assertOn(api.postJson(CASES + "/RR-0000-0000-0000/notes", object("text", "x"),
                "Authorization", one));
    }

    @Test
    void messagesGoBothWaysSealedAndTheReplyReachesOnlyTheHelplineThatWrote() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String reference = submit(person, array("KNOWS_WHO"), object("followUp", true));
        String one = counsellor(ONE, "c-msg");
        String text = "Hi, would you like to talk on Friday? " + UUID.randomUUID();
        invalidFields("text", "must be at most 1,000 characters").assertOn(api.postJson(CASES + "/" + reference
                + "/messages", object("text", "x".repeat(1001)), "Authorization", one));
        Reply sent = api.postJson(CASES + "/" + reference + "/messages", object("text", text), "Authorization", one);
        assertEquals(201, sent.status(), sent.body());
        String messageId = sent.json().getString("id");

        JsonObject inbox = api.get("/api/v1/inbox", "Authorization", person.bearer()).json();
        JsonObject message = inbox.getJsonArray("messages").stream().map(JsonValue::asJsonObject)
                .filter(m -> messageId.equals(m.getString("id"))).findFirst().orElseThrow();
        assertEquals(object("id", messageId, "caseReference", reference, "from", "COUNSELLOR",
                "messageKey", "counsellorMessage", "title", "A counsellor wrote to you", "text", text,
                "writtenOn", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString(), "read", false), message);

        String serviceMessage = inbox.getJsonArray("messages").stream().map(JsonValue::asJsonObject)
                .filter(m -> "SERVICE".equals(m.getString("from"))).findFirst().orElseThrow().getString("id");
        problem(409, "not-a-counsellor-message", "Only a counsellor's message can be answered")
                .assertOn(api.postJson("/api/v1/inbox/" + serviceMessage + "/replies", object("text", "hi"),
                        "Authorization", person.bearer()));
        invalidFields("text", "must hold some text").assertOn(api.postJson("/api/v1/inbox/" + messageId
                + "/replies", object("text", " "), "Authorization", person.bearer()));
        notFound().assertOn(api.postJson("/api/v1/inbox/" + messageId + "/replies", object("text", "hi"),
                "Authorization", YoungPeople.person(api, "16_17").bearer()));

        String answer = "Friday after school is fine " + UUID.randomUUID();
        Reply replied = api.postJson("/api/v1/inbox/" + messageId + "/replies", object("text", answer),
                "Authorization", person.bearer());
        assertEquals(201, replied.status(), replied.body());
        String replyId = replied.json().getString("id");
        assertEquals(messageId, replied.json().getString("inReplyTo"));

        JsonArray thread = api.get(CASES + "/" + reference, "Authorization", one).json().getJsonArray("messages");
        assertEquals(2, thread.size());
        assertEquals(List.of("COUNSELLOR", "YOUNG_PERSON"), thread.stream()
                .map(m -> m.asJsonObject().getString("from")).toList());
        assertEquals(text, thread.getJsonObject(0).getString("text"));
        assertEquals(ONE + ":c-msg", thread.getJsonObject(0).getString("counsellor"));
        assertEquals(answer, thread.getJsonObject(1).getString("text"));
        assertEquals(messageId, thread.getJsonObject(1).getString("inReplyTo"));
        assertEquals(0, api.get(CASES + "/" + reference, "Authorization", counsellor(TWO, "c-x")).json()
                .getJsonArray("messages").size(), "another helpline's thread is its own");
        assertEquals(List.of("message.received " + ONE), helplineEvents(reference).stream()
                .filter(e -> e.startsWith("message.received")).toList());
        assertTrue(helplinePayloads(reference).stream().anyMatch(p -> object("partner", ONE, "data",
                object("reference", reference, "messageId", replyId, "receivedOn", OffsetDateTime.now(ZoneOffset.UTC)
                        .toLocalDate().toString())).equals(p)));
        assertEquals(List.of(), DatabaseScan.findAnyOf(database, List.of(text, answer)), "both stored only sealed");
        assertTrue(api.get("/api/v1/accounts/me", "Authorization", person.bearer()).json().getJsonArray("inPlainWords")
                .toString().contains("1 reply you sent to counsellors, which only their helpline can read."));

        api.sendJson("PUT", consent(reference), object("followUp", true, "partners", array(TWO)),
                "Authorization", person.bearer());
        problem(409, "helpline-no-longer-follows-up", "This helpline may no longer follow up the case")
                .assertOn(api.postJson("/api/v1/inbox/" + messageId + "/replies", object("text", "still there?"),
                        "Authorization", person.bearer()));

        Reply erased = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE),
                "Authorization", person.bearer());
        assertEquals(204, erased.status(), erased.body());
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_reply WHERE id = ?", replyId));
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_message WHERE id = ?", messageId));
        assertEquals(List.of("account.deleted " + TWO), helplineEvents(reference),
                "the erasure took back everything else; only the helpline still consented is told");
    }

    @Test
    void aReplyMeetingAConsentWithdrawalWaitsForItAndTheHelplineHearsNothing() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String reference = submit(person, array(), object("followUp", true, "partners", array(ONE)));
        Reply sent = api.postJson(CASES + "/" + reference + "/messages", object("text", "Shall we talk?"),
                "Authorization", counsellor(ONE, "c-race"));
        assertEquals(201, sent.status(), sent.body());
        ExecutorService app = Executors.newSingleThreadExecutor();
        try (Connection change = database.getConnection()) {
            withdrawConsentHolding(change, reference);
            Future<Reply> replying = app.submit(() -> api.postJson("/api/v1/inbox/" + sent.json().getString("id")
                    + "/replies", object("text", "yes please"), "Authorization", person.bearer()));
            awaitRowWaits(1);
            change.commit();

            problem(409, "helpline-no-longer-follows-up", "This helpline may no longer follow up the case")
                    .assertOn(replying.get(10, TimeUnit.SECONDS));
        } finally {
            app.shutdownNow();
        }
        assertEquals(List.of(), helplineEvents(reference).stream().filter(e -> e.startsWith("message.received"))
                .toList());
    }

    @Test
    void anAnalystsResultMeetingAConsentWithdrawalWaitsForItAndTheHelplineHearsNothingMore() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String reference = submit(person, array(), object("followUp", true, "partners", array(ONE)));
        AtAnalysts analysts = receivedByAnalysts(reference);
        List<String> before = helplineEvents(reference);
        ExecutorService exchange = Executors.newSingleThreadExecutor();
        try (Connection change = database.getConnection()) {
            withdrawConsentHolding(change, reference);
            Future<JsonObject> applying = exchange.submit(() -> analysts.side().sendApplied(analysts.assessed()));
            awaitRowWaits(1);
            change.commit();

            applying.get(10, TimeUnit.SECONDS);
        } finally {
            exchange.shutdownNow();
        }
        assertEquals(before, helplineEvents(reference), "nothing queued for the helpline after its consent went");
    }

    /** A case the analyst side received: its references, and how to send a result about it. */
    private record AtAnalysts(AnalystSide side, String analystReference, String itemReference) {

        /** The first item assessed a minute ago. */
        JsonObject assessed() {
            return event(UUID.randomUUID().toString(), "ASSESSMENT", analystReference, itemReference, "outcome",
                    "ACTIONABLE", "category", "B", "at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)
                            .withNano(0).toString());
        }
    }

    private AtAnalysts receivedByAnalysts(String reference) throws SQLException {
        String analystReference = single("SELECT analyst_reference FROM report_case WHERE case_reference = ?",
                reference);
        String itemReference = single("SELECT i.item_reference FROM case_item i JOIN report_case c ON c.id ="
                + " i.case_id WHERE c.case_reference = ?", reference);
        AnalystSide side = new AnalystSide(api);
        side.receive(analystReference);
        return new AtAnalysts(side, analystReference, itemReference);
    }

    /**
     * Takes the helplines' consent away in a transaction left open, holding the case's row as the service's own
     * consent change does: a request that meets it must wait, then see the consent gone.
     */
    private void withdrawConsentHolding(Connection change, String reference) throws SQLException {
        change.setAutoCommit(false);
        execute(change, "SELECT id FROM report_case WHERE case_reference = ? FOR UPDATE", reference);
        execute(change, "UPDATE report_case SET follow_up_consented = false WHERE case_reference = ?", reference);
        execute(change, "DELETE FROM case_consent WHERE case_id = (SELECT id FROM report_case"
                + " WHERE case_reference = ?)", reference);
    }

    @Test
    void anAgeCorrectedToUnder13MakesTheInboxSimplerAlsoForMessagesWrittenBefore() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String reference = submit(person, array(), object("followUp", true));
        assertEquals(List.of("Your report reached us safely. We never get your pictures or videos, and nobody here"
                + " has seen them. Our team will look for them online. We will tell you here when something"
                + " changes."), receivedTexts(person, reference));

        Reply corrected = api.postJson(CASES + "/" + reference + "/age-confirmation", object("ageBand", "UNDER_13"),
                "Authorization", counsellor(ONE, "c-young"));
        assertEquals(200, corrected.status(), corrected.body());

        assertEquals(List.of("We got your report. We never see your pictures. Our team will look for them. We will"
                + " tell you here when we know more."), receivedTexts(person, reference));
    }

    /** The texts of the case's "we have your report" messages in the young person's inbox. */
    private List<String> receivedTexts(Person person, String reference) {
        Reply inbox = api.get("/api/v1/inbox?size=100", "Authorization", person.bearer());
        assertEquals(200, inbox.status(), inbox.body());
        return inbox.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(message -> message.getString("caseReference").equals(reference)
                        && message.getString("messageKey").equals("milestone.RECEIVED"))
                .map(message -> message.getString("text")).toList();
    }

    @Test
    void aCounsellorConfirmsOrCorrectsASelfDeclaredAgeAndTheAuditRowNamesThem() throws Exception {
        Person person = YoungPeople.person(api, "13_15");
        String reference = submit(person, array(), object("followUp", true));
        String bearer = counsellor(ONE, "c-age");
        invalidFields("ageBand", "must be one of UNDER_13, 13_15, 16_17").assertOn(api.postJson(CASES + "/"
                + reference + "/age-confirmation", object("ageBand", "14"), "Authorization", bearer));

        Reply confirmed = api.postJson(CASES + "/" + reference + "/age-confirmation", object("ageBand", "13_15"),
                "Authorization", bearer);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(object("ageBand", "13_15", "ageAssurance", "HELPLINE_CONFIRMED"), confirmed.json());
        Reply corrected = api.postJson(CASES + "/" + reference + "/age-confirmation", object("ageBand", "16_17"),
                "Authorization", bearer);
        assertEquals(object("ageBand", "16_17", "ageAssurance", "HELPLINE_CONFIRMED"), corrected.json());

        JsonObject me = api.get("/api/v1/accounts/me", "Authorization", person.bearer()).json();
        assertEquals("HELPLINE_CONFIRMED", me.getString("ageAssurance"));
        assertEquals("16_17", me.getString("ageBand"));
        assertEquals(List.of(ONE + ":c-age"), auditActorsFor(reference, "HELPLINE_AGE_CONFIRMED"));
        assertEquals(List.of(ONE + ":c-age"), auditActorsFor(reference, "HELPLINE_AGE_CORRECTED"));
        assertFalse(summaryOf(bearer, reference).getJsonArray("flags").toString().contains("AGE_UNCONFIRMED"));
        notFound().assertOn(api.postJson("/api/v1/helpline/cases/" + submit(person, array(),
                object("followUp", false)) + "/age-confirmation", object("ageBand", "13_15"), "Authorization", bearer));
    }

    @Test
    void aCounsellorCannotConfirmAnAgeThatAProviderVerified() throws Exception {
        Person person = YoungPeople.verifiedPerson(api);
        String reference = submit(person, array(), object("followUp", true));
        String bearer = counsellor(ONE, "c-verified");

        problem(409, "age-already-verified", "This age was verified by an age assurance provider")
                .detail("This young person's age was verified by an age assurance provider; a counsellor does not"
                        + " change it.")
                .assertOn(api.postJson(CASES + "/" + reference + "/age-confirmation", object("ageBand", "16_17"),
                        "Authorization", bearer));

        JsonObject me = api.get("/api/v1/accounts/me", "Authorization", person.bearer()).json();
        assertEquals("VERIFIED", me.getString("ageAssurance"), "the provider's attestation stands");
        assertEquals("13_15", me.getString("ageBand"));
        assertEquals(List.of(), auditActorsFor(reference, "HELPLINE_AGE_CONFIRMED", "HELPLINE_AGE_CORRECTED"),
                "nothing was confirmed, so nothing is audited as confirmed");
    }

    @Test
    void anAssistedResetCodeSetsANewPassphraseOnceAndEndsEverySession() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String reference = submit(person, array(), object("followUp", true, "partners", array(ONE)));
        notFound().assertOn(api.post(CASES + "/" + reference + "/recovery-codes", JSON, "",
                "Authorization", counsellor(TWO, "c-two")));
        String bearer = counsellor(ONE, "c-reset");
        Reply issued = api.post(CASES + "/" + reference + "/recovery-codes", JSON, "", "Authorization", bearer);
        assertEquals(201, issued.status(), issued.body());
        String code = issued.json().getString("resetCode");
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), "a code of the usual form");
        assertNotNull(issued.json().getString("expiresAt"));
        assertEquals(List.of(), DatabaseScan.findAnyOf(database, List.of(code, code.replace("-", ""))),
                "stored only as a digest");
        Thread.sleep(1100); // tokens carry their issue time to the second: a new passphrase must be a later second

        String newPassphrase = "green lanterns over the harbour";
        problem(400, "invalid-grant", "The sign-in was not accepted").assertOn(api.postJson(
                "/api/v1/accounts/assisted-recovery", object("username", person.username(), "resetCode",
                        "AAAA-BBBB-CCCC-DDDD", "newPassphrase", newPassphrase)));
        Reply reset = api.postJson("/api/v1/accounts/assisted-recovery", object("username", person.username(),
                "resetCode", code.toLowerCase(java.util.Locale.ROOT), "newPassphrase", newPassphrase));
        assertEquals(204, reset.status(), reset.body());
        assertEquals(401, api.get("/api/v1/accounts/me", "Authorization", person.bearer()).status(),
                "a token issued before the reset is refused");
        Reply signIn = api.postForm("/api/v1/auth/token", "grant_type", "password", "username", person.username(),
                "password", newPassphrase);
        assertEquals(200, signIn.status(), signIn.body());
        problem(400, "invalid-grant", "The sign-in was not accepted").assertOn(api.postJson(
                "/api/v1/accounts/assisted-recovery", object("username", person.username(), "resetCode", code,
                        "newPassphrase", "another long passphrase here")));
        assertEquals(List.of(ONE + ":c-reset"), auditActorsFor(reference, "HELPLINE_RESET_CODE_ISSUED"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSPHRASE_RESET_ASSISTED'"
                + " AND object_id = ? AND actor_id = ?", person.accountId(), ONE + ":c-reset"));

        for (int i = 0; i < 2; i++) {
            assertEquals(201, api.post(CASES + "/" + reference + "/recovery-codes", JSON, "", "Authorization",
                    bearer).status());
        }
        Reply limited = api.post(CASES + "/" + reference + "/recovery-codes", JSON, "", "Authorization", bearer);
        assertEquals(429, limited.status(), limited.body());
        assertNotNull(limited.header("Retry-After"));
    }

    @Test
    void aResetCodeDiesWithTheConsentOfThePartnerThatIssuedIt() throws Exception {
        Person person = YoungPeople.person(api, "16_17");
        String reference = submit(person, array(), object("followUp", true, "partners", array(ONE, TWO)));
        String code = api.post(CASES + "/" + reference + "/recovery-codes", JSON, "", "Authorization",
                counsellor(ONE, "c-lost")).json().getString("resetCode");

        Reply changed = api.sendJson("PUT", "/api/v1/cases/" + reference + "/consent",
                object("followUp", true, "partners", array(TWO)), "Authorization", person.bearer());
        assertEquals(200, changed.status(), changed.body());

        problem(400, "invalid-grant", "The sign-in was not accepted").assertOn(api.postJson(
                "/api/v1/accounts/assisted-recovery", object("username", person.username(), "resetCode", code,
                        "newPassphrase", "green lanterns over the harbour")));
        assertEquals(0, count("SELECT COUNT(*) FROM assisted_reset WHERE account_id = ?", person.accountId()));
    }

    // Helpers.

    private String submit(Person person, JsonArray concerns, JsonObject consent) {
        JsonObject photo = object("contentType", "PHOTO", "signals",
                array(object("type", "SHA256", "value", YoungPeople.hex(64))));
        JsonObject body = object("items", array(photo), "concerns", concerns, "consent", consent);
        Reply reply = api.postJson("/api/v1/cases", body, "Authorization", person.bearer(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("reference");
    }

    private void withdraw(Person person, String reference) {
        assertEquals(200, api.post("/api/v1/cases/" + reference + "/withdrawal", JSON, "", "Authorization",
                person.bearer()).status());
    }

    private void confirmAgeOf(Person person) {
        String reference = submit(person, array(), object("followUp", true, "partners", array(TWO)));
        assertEquals(200, api.postJson(CASES + "/" + reference + "/age-confirmation", object("ageBand", "16_17"),
                "Authorization", counsellor(TWO, "c-setup")).status());
    }

    private static String consent(String reference) {
        return "/api/v1/cases/" + reference + "/consent";
    }

    private String counsellor(String client, String counsellorId) {
        return "Bearer " + Tokens.clientToken(api, client, counsellorId);
    }

    private List<String> allPages(String bearer, String filter, int size) {
        List<String> references = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            Reply reply = api.get(CASES + "?size=" + size + filter + (cursor == null ? "" : "&cursor=" + cursor),
                    "Authorization", bearer);
            assertEquals(200, reply.status(), reply.body());
            reply.json().getJsonArray("cases").forEach(c -> references.add(c.asJsonObject().getString("reference")));
            cursor = reply.json().getString("next", null);
            if (cursor == null) {
                return references;
            }
        }
        throw new AssertionError("the list did not end");
    }

    private JsonObject summaryOf(String bearer, String reference) {
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            Reply reply = api.get(CASES + "?size=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    "Authorization", bearer);
            for (JsonValue value : reply.json().getJsonArray("cases")) {
                if (reference.equals(value.asJsonObject().getString("reference"))) {
                    return value.asJsonObject();
                }
            }
            cursor = reply.json().getString("next", null);
            if (cursor == null) {
                break;
            }
        }
        throw new AssertionError("not listed");
    }

    /** The helpline messages waiting about one case, as "type partner", oldest first. */
    private List<String> helplineEvents(String reference) throws Exception {
        List<String> events = new ArrayList<>();
        for (Object[] row : helplineRows(reference)) {
            events.add(row[0] + " " + ((JsonObject) row[1]).getString("partner"));
        }
        return events;
    }

    private List<JsonObject> helplinePayloads(String reference) throws Exception {
        return helplineRows(reference).stream().map(row -> (JsonObject) row[1]).toList();
    }

    private List<Object[]> helplineRows(String reference) throws Exception {
        Sealer sealer = new Sealer(EncryptionKeys.parse(TestRun.encryptionKeyset()));
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, message_type, payload FROM"
                     + " outbox_message WHERE topic = 'HELPLINE' AND subject_id = ? ORDER BY created_at, id")) {
            select.setString(1, reference);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new Object[]{found.getString(2), JsonBodies.parse(sealer.open(found.getBytes(3),
                            "outbox:" + found.getString(1)))});
                }
            }
        }
        return rows;
    }

    private String single(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** The actors of the audit rows with these actions recorded against a case, oldest first. */
    private List<String> auditActorsFor(String reference, String... actions) throws SQLException {
        List<String> actors = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT action, actor_id FROM audit_event"
                     + " WHERE object_id = (SELECT id FROM report_case WHERE case_reference = ?) ORDER BY id")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (List.of(actions).contains(rows.getString(1))) {
                        actors.add(rows.getString(2));
                    }
                }
            }
        }
        return actors;
    }
}
