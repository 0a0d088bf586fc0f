package org.reportremove.industry.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.analysts.entity.PriorityFlag;
import org.reportremove.testing.AnalystSide;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.QueuedMessages;
import org.reportremove.testing.Reply;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.Person;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.AnalystSide.event;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.arrayOf;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.JsonBodies.parse;
import static org.reportremove.testing.ProblemAssert.assertInvalidFields;
import static org.reportremove.testing.ProblemAssert.assertProblem;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * The industry feed against the deployed service and PostgreSQL: signals the analysts shared join the feed in
 * hourly batches under ids of their own, unlinkable to their cases; platforms read a snapshot and then changes by
 * checkpoint; withdrawals come back as removals with the outbox message for the webhooks; feedback is applied once
 * and shows in the young person's progress; a disputed match goes to the analysts first; scope, roles and bad input.
 */
class IndustryFeedHttpTest extends DeployedServiceTest {

    static final String SIGNALS = "/api/v1/industry/signals";
    static final String FEEDBACK = "/api/v1/industry/feedback";
    static final String PUBLISH = "/api/v1/operator/industry/publications";
    /** Short list names: the server's command line (in its log) names them, and the log scan skips short values. */
    static final String LIST = "lst-a";

    private String platform;
    private AnalystSide analysts;

    /** A case as the test made it: its reference, the analyst side's references, and its signals by item. */
    record Shared(Person person, String reference, String analystReference, List<String> itemReferences,
                  List<List<String>> signalValues) {

        Set<String> values() {
            return signalValues.stream().flatMap(List::stream).collect(Collectors.toSet());
        }
    }

    @BeforeEach
    void connect() {
        platform = "Bearer " + Tokens.clientToken(api, "test-platform", null);
        analysts = new AnalystSide(api);
    }

    @Test
    void aFeedBuiltFromSeveralCasesLinksNoSignalToAnother() throws Exception {
        String before = snapshot(platform).header(IndustrySignalResource.CHECKPOINT_HEADER);
        List<Shared> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(share(report(2, null), LIST));
        }
        publish();

        Map<String, Integer> caseOf = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            for (String value : cases.get(i).values()) {
                caseOf.put(value, i);
            }
        }
        List<JsonObject> changes = changesSince(platform, before, 3);
        List<JsonObject> ours = changes.stream().filter(c -> caseOf.containsKey(c.getString("signal_value"))).toList();
        assertEquals(16, ours.size(), "every reliable signal of the four cases, once");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Set<String> references = new HashSet<>();
        cases.forEach(c -> {
            references.add(c.reference());
            references.add(c.analystReference());
            references.addAll(c.itemReferences());
        });
        for (JsonObject change : ours) {
            assertEquals(Set.of("id", "signal_type", "signal_value", "change", "day"), change.keySet());
            assertEquals("added", change.getString("change"));
            assertEquals(today, change.getString("day"), "the day, nothing finer");
            assertTrue(change.getString("id").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                    "a random id of its own");
            assertFalse(references.contains(change.getString("id")));
            assertTrue(Set.of("pdq", "sha256").contains(change.getString("signal_type")));
        }
        assertEquals(16, ours.stream().map(c -> c.getString("id")).distinct().count(), "no id shared by two signals");
        // In the order the feed gives them, no two neighbours come from the same case.
        for (int i = 1; i < changes.size(); i++) {
            Integer previous = caseOf.get(changes.get(i - 1).getString("signal_value"));
            Integer current = caseOf.get(changes.get(i).getString("signal_value"));
            if (previous != null && current != null) {
                assertNotEquals(previous, current, "signals " + (i - 1) + " and " + i + " of the feed share a case");
            }
        }
        // Nothing the young person or the analysts know the case by is in the feed at all.
        String whole = snapshot(platform).body() + changes;
        for (String reference : references) {
            assertFalse(whole.contains(reference));
        }
    }

    /**
     * Property-style, over several seeds: cases shared (some sharing a value with an earlier case), published and
     * withdrawn in a random order; from every checkpoint seen on the way, reading every page of changes gives
     * exactly the feed as it is at the end.
     */
    @Test
    void incrementalSyncFromAnyCheckpointGivesTheCurrentSet() throws Exception {
        for (long seed : new long[]{20261130L, 7L, 1_000_003L}) {
            syncFromEveryCheckpoint(new Random(seed), seed);
        }
    }

    private void syncFromEveryCheckpoint(Random random, long seed) throws Exception {
        List<Shared> live = new ArrayList<>();
        List<String> used = new ArrayList<>();
        Set<String> all = new HashSet<>();
        Map<String, Set<String>> seenAt = new LinkedHashMap<>();
        for (int step = 0; step < 10; step++) {
            int move = random.nextInt(4);
            if (move <= 1 || live.isEmpty()) {
                // A third of the cases share a value with an earlier one, live or withdrawn.
                String common = !used.isEmpty() && random.nextInt(3) == 0 ? used.get(random.nextInt(used.size()))
                        : null;
                Shared shared = share(report(1 + random.nextInt(2), common), LIST);
                live.add(shared);
                all.addAll(shared.values());
                used.add(shared.signalValues().get(0).get(0));
            } else if (move == 2) {
                publish();
            } else {
                withdraw(live.remove(random.nextInt(live.size())));
            }
            Reply snapshot = snapshot(platform);
            seenAt.put(snapshot.header(IndustrySignalResource.CHECKPOINT_HEADER), ours(snapshot.body(), all));
        }
        publish();
        Set<String> now = ours(snapshot(platform).body(), all);
        assertEquals(live.stream().flatMap(s -> s.values().stream()).collect(Collectors.toSet()),
                now.stream().map(line -> line.split(" ")[1]).collect(Collectors.toSet()),
                "the feed is the live set, seed " + seed);
        for (Map.Entry<String, Set<String>> start : seenAt.entrySet()) {
            Set<String> replica = new HashSet<>(start.getValue());
            for (JsonObject change : changesSince(platform, start.getKey(), 1 + random.nextInt(3))) {
                String line = change.getString("id") + " " + change.getString("signal_value");
                if (!all.contains(change.getString("signal_value"))) {
                    continue;
                }
                if (change.getString("change").equals("added")) {
                    replica.add(line);
                } else {
                    replica.remove(line);
                }
            }
            assertEquals(now, replica, "synced from a checkpoint, seed " + seed);
        }
    }

    @Test
    void aWithdrawalRemovesOnlyWhatNoOtherCaseKeepsAndQueuesTheWithdrawnMessage() throws Exception {
        String common = YoungPeople.hex(64);
        Shared first = share(report(1, common), LIST);
        Shared second = share(report(1, common), LIST);
        Shared erased = share(report(1, null), LIST);
        publish();
        String before = snapshot(platform).header(IndustrySignalResource.CHECKPOINT_HEADER);
        Map<String, String> idOf = idsByValue(snapshot(platform).body());

        withdraw(first);
        Reply deleted = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE,
                "withdrawCases", true), "Authorization", erased.person().bearer());
        assertEquals(204, deleted.status(), deleted.body());

        Set<String> firstOnly = new HashSet<>(first.values());
        firstOnly.remove(common);
        Set<String> expectedRemoved = new HashSet<>();
        firstOnly.forEach(v -> expectedRemoved.add(idOf.get(v)));
        Set<String> erasedIds = erased.values().stream().map(idOf::get).collect(Collectors.toSet());
        expectedRemoved.addAll(erasedIds);
        List<JsonObject> changes = changesSince(platform, before, 1000);
        Set<String> removed = changes.stream().filter(c -> c.getString("change").equals("removed"))
                .map(c -> c.getString("id")).filter(id -> idOf.containsValue(id)).collect(Collectors.toSet());
        assertEquals(expectedRemoved, removed, "the second case keeps the signal they share in the feed");
        assertTrue(idsByValue(snapshot(platform).body()).containsKey(common));

        List<QueuedMessages.Message> messages = QueuedMessages.of(database, "INDUSTRY", p -> p.getJsonObject("data")
                .getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(id -> expectedRemoved.contains(id.getString())));
        assertEquals(2, messages.size(), "one message per withdrawal");
        Set<String> announced = new HashSet<>();
        for (QueuedMessages.Message message : messages) {
            JsonObject data = message.payload().getJsonObject("data");
            assertEquals(Set.of("partner", "data"), message.payload().keySet());
            assertEquals("test-platform", message.payload().getString("partner"), "the one platform on that list");
            assertEquals(Set.of("ids", "checkpoint"), data.keySet());
            data.getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class).forEach(id -> announced.add(id.getString()));
            Reply after = api.get(SIGNALS + "?checkpoint=" + data.getString("checkpoint"), "Authorization", platform);
            assertEquals(200, after.status(), after.body());
            assertEquals("signals.withdrawn", typeOf(message.id()));
        }
        assertEquals(expectedRemoved, announced);
        assertEquals(List.of("ANALYST_REMOVAL_RECORDED", "CASE_SUBMITTED", "CASE_WITHDRAWN",
                "INDUSTRY_SIGNALS_WITHDRAWN"), auditActionsFor(first.reference()).stream().sorted().toList());
    }

    @Test
    void aValueSharedByTwoCasesStaysInTheBankAndTheFeedUntilTheLastOfThemGoes() throws Exception {
        String common = YoungPeople.hex(64);
        Shared first = share(report(1, common), LIST);
        Shared second = share(report(1, common), LIST);
        publish();
        String bank = "SELECT COUNT(*) FROM known_signal WHERE signal_type = 'SHA256' AND signal_value = ?";
        String shares = "SELECT COUNT(*) FROM known_signal_share WHERE signal_type = 'SHA256' AND signal_value = ?";
        String changes = "SELECT COUNT(*) FROM known_signal_change WHERE signal_type = 'SHA256' AND signal_value = ?";
        assertEquals(1, count(bank, common));
        assertEquals(2, count(shares, common), "each case's item is a share of the value");
        assertEquals(1, count(changes, common));
        String id = idsByValue(snapshot(platform).body()).get(common);
        String before = snapshot(platform).header(IndustrySignalResource.CHECKPOINT_HEADER);

        withdraw(first);
        assertEquals(1, count(bank, common), "the second case still keeps the value in the bank");
        assertEquals(1, count(shares, common));
        assertEquals(1, count(changes, common), "the bank did not change");
        assertEquals(id, idsByValue(snapshot(platform).body()).get(common), "nor did the feed");
        assertTrue(changesSince(platform, before, 100).stream().noneMatch(c -> c.getString("id").equals(id)));

        Reply deleted = api.sendJson("DELETE", "/api/v1/accounts/me", object("passphrase", YoungPeople.PASSPHRASE,
                "withdrawCases", true), "Authorization", second.person().bearer());
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals(0, count(bank, common), "the last share went, and the value with it");
        assertEquals(0, count(shares, common));
        assertEquals(2, count(changes, common), "every node's index is told");
        assertFalse(idsByValue(snapshot(platform).body()).containsKey(common));
        assertEquals(List.of("removed " + id), changesSince(platform, before, 100).stream()
                .filter(c -> c.getString("id").equals(id))
                .map(c -> c.getString("change") + " " + c.getString("id")).toList());
    }

    @Test
    void anImportedValueNeverLeavesTheBankByAWithdrawal() throws Exception {
        String imported = YoungPeople.hex(64);
        Reply reply = api.post("/api/v1/operator/known-signals", "application/x-ndjson",
                "{\"type\": \"SHA256\", \"value\": \"" + imported + "\"}\n",
                "Authorization", "Bearer " + Tokens.operator(api));
        assertEquals(200, reply.status(), reply.body());
        Shared shared = share(report(1, imported), LIST);
        withdraw(shared);
        assertEquals(1, count("SELECT COUNT(*) FROM known_signal WHERE signal_type = 'SHA256' AND signal_value = ?"
                + " AND shared_item IS NULL", imported), "the operator's value stays");
    }

    @Test
    void aValueACaseSharedThatAnOperatorThenImportsStaysWhenTheCaseIsWithdrawn() throws Exception {
        String value = YoungPeople.hex(64);
        Shared shared = share(report(1, value), LIST);
        assertEquals(1, count("SELECT COUNT(*) FROM known_signal WHERE signal_type = 'SHA256' AND signal_value = ?"
                + " AND shared_item IS NOT NULL", value), "the case's sharing put the value in");
        Reply reply = api.post("/api/v1/operator/known-signals", "application/x-ndjson",
                "{\"type\": \"SHA256\", \"value\": \"" + value + "\"}\n",
                "Authorization", "Bearer " + Tokens.operator(api));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(0, reply.json().getInt("added"),
                "the value was there already");
        withdraw(shared);
        assertEquals(1, count("SELECT COUNT(*) FROM known_signal WHERE signal_type = 'SHA256' AND signal_value = ?"
                + " AND shared_item IS NULL", value), "the operator's import is the value's origin now");
    }

    @Test
    void aWithdrawalIsAnnouncedOnlyToPlatformsSubscribedToTheListsItsSignalsWereIn() throws Exception {
        Shared onA = share(report(1, null), LIST);
        Shared onB = share(report(1, null), "lst-b");
        publish();
        Map<String, String> idOf = idsByValue(snapshot(platform).body());
        Set<String> idsOfA = onA.values().stream().map(idOf::get).collect(Collectors.toSet());
        Set<String> idsOfB = onB.values().stream().map(idOf::get).collect(Collectors.toSet());
        withdraw(onA);
        withdraw(onB);

        Map<String, Set<String>> toldOfA = told(idsOfA);
        assertEquals(Set.of("test-platform"), toldOfA.keySet(),
                "test-platform-b takes only lst-b, and test-platform-none no list: neither hears of lst-a");
        assertEquals(idsOfA, toldOfA.get("test-platform"));
        Map<String, Set<String>> toldOfB = told(idsOfB);
        assertEquals(Set.of("test-platform", "test-platform-b", "test-platform-limited"), toldOfB.keySet(),
                "every platform that takes lst-b hears of it");
        toldOfB.values().forEach(ids -> assertEquals(idsOfB, ids));
    }

    /** The signals.withdrawn messages queued that name any of these ids: the ids each platform is told of. */
    private Map<String, Set<String>> told(Set<String> ids) {
        Map<String, Set<String>> told = new HashMap<>();
        for (QueuedMessages.Message message : QueuedMessages.of(database, "INDUSTRY", p -> p.getJsonObject("data")
                .getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(id -> ids.contains(id.getString())))) {
            Set<String> named = message.payload().getJsonObject("data").getJsonArray("ids")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                    .collect(Collectors.toSet());
            assertEquals(null, told.put(message.payload().getString("partner"), named), "one message per platform");
        }
        return told;
    }

    @Test
    void anOperatorsImportFlaggedShareableJoinsTheFeedAndItsRemovalsLeaveIt() throws Exception {
        String before = snapshot(platform).header(IndustrySignalResource.CHECKPOINT_HEADER);
        String sha = YoungPeople.hex(64);
        String pdq = YoungPeople.hex(64);
        String weakPdq = YoungPeople.hex(64);
        String alsoACase = YoungPeople.hex(64);
        String operator = "Bearer " + Tokens.operator(api);
        String refusedValue = YoungPeople.hex(64);
        assertInvalidFields(importSignals("?shareable=true", line("SHA256", refusedValue, null, null), operator),
                "list", "is required with shareable=true: the hash list's name (1 to 64 letters, digits, spaces,"
                        + " '.', '_' or '-')");
        assertInvalidFields(importSignals("?list=" + LIST, line("SHA256", refusedValue, null, null), operator),
                "list", "is given only with shareable=true");
        assertEquals(0, count("SELECT COUNT(*) FROM known_signal WHERE signal_value = ?", refusedValue),
                "nothing of a refused import is written");

        Shared shared = share(report(1, alsoACase), LIST);
        String lines = line("SHA256", sha, null, null) + line("PDQ", pdq, 90, null) + line("PDQ", weakPdq, 20, null)
                + line("SHA256", alsoACase, null, null);
        Reply imported = importSignals("?shareable=true&list=" + LIST, lines, operator);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(200, importSignals("?shareable=true&list=" + LIST, lines, operator).status(),
                "an import run again");
        publish();
        Map<String, String> idOf = idsByValue(snapshot(platform).body());
        assertTrue(idOf.keySet().containsAll(Set.of(sha, pdq, alsoACase)), "shared through the hourly batch");
        assertFalse(idOf.containsKey(weakPdq), "a perceptual hash of unreliable quality is never shared");
        assertFalse(idsByValue(snapshot("Bearer " + Tokens.clientToken(api, "test-platform-b", null)).body())
                .containsKey(sha), "only on the list the import named");
        assertEquals(1, changesSince(platform, before, 100).stream()
                .filter(c -> c.getString("signal_value").equals(sha)).count(), "once, though imported twice");

        Reply removal = importSignals("", line("SHA256", sha, null, "REMOVE") + line("SHA256", alsoACase, null,
                "REMOVE"), operator);
        assertEquals(200, removal.status(), removal.body());
        Map<String, String> after = idsByValue(snapshot(platform).body());
        assertFalse(after.containsKey(sha), "removed from the bank, so from the feed");
        assertEquals(idOf.get(alsoACase), after.get(alsoACase), "a case still keeps this one in the feed");
        assertEquals(idOf.get(pdq), after.get(pdq));
        assertEquals(List.of("added", "removed"), changesSince(platform, before, 100).stream()
                .filter(c -> c.getString("signal_value").equals(sha)).map(c -> c.getString("change")).toList());
        assertEquals(Map.of("test-platform", Set.of(idOf.get(sha))), told(Set.of(idOf.get(sha))),
                "the platforms of its list learn at once");
        assertTrue(shared.values().contains(alsoACase));
    }

    private Reply importSignals(String query, String lines, String operator) {
        return api.post("/api/v1/operator/known-signals" + query, "application/x-ndjson", lines,
                "Authorization", operator);
    }

    private static String line(String type, String value, Integer quality, String action) {
        return object("type", type, "value", value).toString().replace("}", (quality == null ? ""
                : ", \"quality\": " + quality) + (action == null ? "" : ", \"action\": \"" + action + "\"") + "}")
                + "\n";
    }

    @Test
    void feedbackIsAppliedOnceAndShowsInProgressWithoutNamingThePlatform() throws Exception {
        Shared shared = share(report(1, null), LIST);
        publish();
        Map<String, String> idOf = idsByValue(snapshot(platform).body());
        String id = idOf.get(shared.signalValues().get(0).get(0));
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        JsonObject batch = object("events", array(
                object("eventId", prefix + "-blocked", "id", id, "outcome", "MATCHED", "count", 3),
                object("eventId", prefix + "-removed", "id", id, "outcome", "REMOVED", "count", 2),
                object("eventId", prefix + "-unknown", "id", UUID.randomUUID().toString(), "outcome", "MATCHED",
                        "count", 1)));

        Reply first = api.postJson(FEEDBACK, batch, "Authorization", platform);
        assertEquals(200, first.status(), first.body());
        assertEquals(parse("""
                {"applied": 2, "duplicate": 0, "unknown": 1, "results": [
                 {"eventId": "%1$s-blocked", "status": "applied"}, {"eventId": "%1$s-removed", "status": "applied"},
                 {"eventId": "%1$s-unknown", "status": "unknown"}]}""".formatted(prefix)), first.json());
        Reply again = api.postJson(FEEDBACK, batch, "Authorization", platform);
        assertEquals(2, again.json().getInt("duplicate"), again.body());
        assertEquals(0, again.json().getInt("applied"));

        Reply view = api.get("/api/v1/cases/" + shared.reference(), "Authorization", shared.person().bearer());
        assertEquals(200, view.status(), view.body());
        Reply progress = api.get("/api/v1/cases/" + shared.reference() + "/progress", "Authorization",
                shared.person().bearer());
        assertEquals(200, progress.status(), progress.body());
        JsonObject counts = progress.json().getJsonObject("counts");
        assertEquals(1, counts.getInt("platformsBlocking"), progress.body());
        assertEquals(3, counts.getInt("uploadsBlocked"), progress.body());
        assertEquals(2, counts.getInt("copiesTakenDown"), "the REMOVED feedback, counted once: " + progress.body());
        assertEquals(2, view.json().getJsonObject("progress").getInt("copiesTakenDown"),
                "the case view's short progress counts them too: " + view.body());
        assertEquals(List.of("Apps or sites that block it: 1. Times they stopped it being posted: 3.",
                        "Copies that apps or sites found and took down: 2."),
                progress.json().getJsonArray("inWords").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList(), "in the young person's words, once");
        assertEquals("BLOCKING_ACTIVE", progress.json().getString("stage"),
                "copies a platform took down are not a place the young person told of");
        assertFalse(view.body().contains("test-platform") || progress.body().contains("test-platform"),
                "the platform is not named to the young person");
        assertEquals(2, count("SELECT COUNT(*) FROM analyst_removal_action WHERE case_id = (SELECT id FROM"
                + " report_case WHERE case_reference = ?) AND platform = 'test-platform'", shared.reference()));
        assertTrue(count("SELECT COUNT(*) FROM audit_event WHERE action = 'INDUSTRY_FEEDBACK_RECEIVED'"
                + " AND object_id = ? AND actor_role = 'PLATFORM'", "test-platform") >= 2, "batches are audited");
    }

    @Test
    void aSuspectedFalseMatchGoesToTheAnalystsFirst() throws Exception {
        Shared shared = share(report(1, null), LIST);
        publish();
        String id = idsByValue(snapshot(platform).body()).get(shared.signalValues().get(0).get(0));
        Reply reply = api.postJson(FEEDBACK, object("events", array(object("eventId", "nb-" + UUID.randomUUID()
                .toString().substring(0, 8), "id", id, "outcome", "NOT_BLOCKED", "reason", "SUSPECTED_FALSE_MATCH"))),
                "Authorization", platform);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, reply.json().getInt("applied"));

        List<QueuedMessages.Message> disputes = QueuedMessages.forAnalysts(database, shared.analystReference())
                .stream().filter(m -> m.payload().getString("type").equals("MATCH_DISPUTED")).toList();
        assertEquals(1, disputes.size());
        JsonObject dispute = disputes.get(0).payload();
        assertEquals(array("DISPUTED_MATCH"), dispute.getJsonArray("priorityFlags"));
        assertEquals(array(shared.itemReferences().get(0)), dispute.getJsonArray("itemReferences"));
        assertEquals("SUSPECTED_FALSE_MATCH", dispute.getString("reasonCode"));
        assertEquals(PriorityFlag.rank(EnumSet.of(PriorityFlag.DISPUTED_MATCH)),
                count("SELECT priority FROM outbox_message WHERE id = ?", disputes.get(0).id()));
        assertTrue(PriorityFlag.rank(EnumSet.of(PriorityFlag.DISPUTED_MATCH))
                        > PriorityFlag.rank(EnumSet.complementOf(EnumSet.of(PriorityFlag.DISPUTED_MATCH))),
                "ranked above every flag a case can have, all together");
        JsonObject leased = analysts.receive(shared.analystReference());
        assertTrue(Set.of("CASE_SUBMITTED", "MATCH_DISPUTED").contains(leased.getString("type")));
    }

    @Test
    void eachPlatformSeesOnlyTheListsItIsSubscribedToAndOnlyPlatformsReadTheFeed() throws Exception {
        Shared listOne = share(report(1, null), LIST);
        Shared listTwo = share(report(1, null), "lst-b");
        publish();
        String other = "Bearer " + Tokens.clientToken(api, "test-platform-b", null);
        Map<String, String> seenByOther = idsByValue(snapshot(other).body());
        assertTrue(seenByOther.keySet().containsAll(listTwo.values()));
        assertTrue(seenByOther.keySet().stream().noneMatch(listOne.values()::contains));
        Map<String, String> seenByFirst = idsByValue(snapshot(platform).body());
        assertTrue(seenByFirst.keySet().containsAll(listOne.values()));
        assertTrue(seenByFirst.keySet().containsAll(listTwo.values()));

        String notTheirs = seenByFirst.get(listOne.signalValues().get(0).get(0));
        Reply feedback = api.postJson(FEEDBACK, object("events", array(object("eventId", "x-" + UUID.randomUUID()
                .toString().substring(0, 8), "id", notTheirs, "outcome", "MATCHED", "count", 1))), "Authorization", other);
        assertEquals(1, feedback.json().getInt("unknown"), feedback.body());

        String none = "Bearer " + Tokens.clientToken(api, "test-platform-none", null);
        assertProblem(api.get(SIGNALS, "Authorization", none), 403, "feed-not-subscribed",
                "This platform is not subscribed to the feed",
                "This platform is not subscribed to any list of the feed. Ask the operators to subscribe it.");
        unauthenticated().assertOn(api.get(SIGNALS));
        forbidden().assertOn(api.get(SIGNALS, "Authorization", listOne.person().bearer()));
        forbidden().assertOn(api.get(SIGNALS, "Authorization", "Bearer " + Tokens.operator(api)));
        forbidden().assertOn(api.postJson(FEEDBACK, object("events", array()), "Authorization",
                "Bearer " + Tokens.clientToken(api, "test-analyst", null)));
        forbidden().assertOn(api.post(PUBLISH, "application/json", "", "Authorization", platform));
        assertTrue(count("SELECT COUNT(*) FROM audit_event WHERE action = 'INDUSTRY_FEED_READ' AND object_id = ?",
                "test-platform-b") >= 1, "reads are audited by platform");
    }

    @Test
    void aPlatformOverItsHourlyLimitIsToldWhenToComeBackWhileAnotherReadsOn() {
        // test-platform-limited may start two snapshots an hour (arquillian.xml); no other test uses it.
        String limited = "Bearer " + Tokens.clientToken(api, "test-platform-limited", null);
        snapshot(limited);
        snapshot(limited);

        Reply refused = api.get(SIGNALS, "Authorization", limited);

        problem(429, "too-many-attempts", "Too many attempts").detailStartingWith("Too many attempts. Wait ")
                .assertOn(refused);
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "Retry-After says when");
        snapshot(platform);
    }

    @Test
    void badInputIsAnsweredWithProblemsAndChangesNothing() throws Exception {
        String good = snapshot(platform).header(IndustrySignalResource.CHECKPOINT_HEADER);
        String decoded = new String(Base64.getUrlDecoder().decode(good), StandardCharsets.US_ASCII);
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("0" + decoded.substring(decoded.indexOf('.'))).getBytes(StandardCharsets.US_ASCII));
        String detail = "The checkpoint is not one this service gave you. Start again without a checkpoint.";
        for (String bad : new String[]{"not-a-checkpoint", moved, "", "%C3%A9"}) {
            if (moved.equals(bad) && decoded.startsWith("0.")) {
                continue;
            }
            assertProblem(api.get(SIGNALS + "?checkpoint=" + bad, "Authorization", platform), 400,
                    "invalid-checkpoint", "The checkpoint is not valid", detail);
        }
        assertInvalidFields(api.get(SIGNALS + "?checkpoint=" + good + "&limit=0", "Authorization", platform),
                "limit", "must be a whole number from 1 to 10,000");
        assertInvalidFields(api.get(SIGNALS + "?limit=5", "Authorization", platform),
                "limit", "is given only with a checkpoint: a snapshot is whole");

        String prefix = UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        assertInvalidFields(api.postJson(FEEDBACK, object("events", array()), "Authorization", platform),
                "events", "must hold 1 to 1,000 events");
        assertInvalidFields(api.postJson(FEEDBACK, object("events", array(
                        object("eventId", prefix + "-a", "id", id, "outcome", "MATCHED"),
                        object("eventId", prefix + "-a", "id", "RR-7K3P", "outcome", "BLOCKED"),
                        object("eventId", prefix + "-c", "id", id, "outcome", "NOT_BLOCKED", "count", 2),
                        object("eventId", prefix + "-d", "id", id, "outcome", "REMOVED", "count", 0,
                                "reason", "OTHER"))),
                        "Authorization", platform),
                "events[0].count", "is required for MATCHED: a whole number from 1 to 1,000,000,000",
                "events[1].eventId", "is given twice in this batch",
                "events[1].id", "is required: the id of a signal as the feed gave it",
                "events[1].outcome", "must be one of MATCHED, REMOVED, NOT_BLOCKED",
                "events[2].reason", "is required for NOT_BLOCKED: one of SUSPECTED_FALSE_MATCH, OUT_OF_POLICY,"
                        + " UNSUPPORTED_SIGNAL, OTHER",
                "events[2].count", "is given only with MATCHED or REMOVED",
                "events[3].count", "is required for REMOVED: a whole number from 1 to 1,000,000,000",
                "events[3].reason", "is given only with NOT_BLOCKED");
        assertEquals(0, count("SELECT COUNT(*) FROM industry_feedback WHERE event_id LIKE ?", prefix + "%"));
    }

    // --- how the test drives the service ---

    /** A young person's case of {@code photos} photos, each with a SHA-256 and a PDQ; the first SHA-256 given. */
    private Shared report(int photos, String firstSha256) throws SQLException {
        Person person = YoungPeople.person(api, "16_17");
        List<JsonObject> items = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            String sha = i == 0 && firstSha256 != null ? firstSha256 : YoungPeople.hex(64);
            String pdq = YoungPeople.hex(64);
            values.add(List.of(sha, pdq));
            items.add(object("contentType", "PHOTO", "signals", array(object("type", "SHA256", "value", sha),
                    object("type", "PDQ", "value", pdq, "quality", 90), object("type", "PDQ", "value",
                            YoungPeople.hex(64), "quality", 20))));
        }
        Reply reply = api.postJson("/api/v1/cases", object("items", arrayOf(items), "concerns", array(),
                        "consent", object("followUp", false), "language", "en"),
                "Authorization", person.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply.body());
        String reference = reply.json().getString("reference");
        String analystReference = null;
        List<String> itemReferences = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT c.analyst_reference, i.item_reference"
                     + " FROM report_case c JOIN case_item i ON i.case_id = c.id WHERE c.case_reference = ?"
                     + " ORDER BY i.item_number")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    analystReference = rows.getString(1);
                    itemReferences.add(rows.getString(2));
                }
            }
        }
        return new Shared(person, reference, analystReference, itemReferences, values);
    }

    /** The analyst side shares the whole case's signals on a hash list. */
    private Shared share(Shared reported, String list) {
        analysts.sendApplied(event(UUID.randomUUID().toString(), "REMOVAL_ACTION", reported.analystReference(), null,
                "action", "HASH_SHARED", "listName", list, "at", "2026-11-30T10:00:00Z"));
        return reported;
    }

    private void withdraw(Shared shared) {
        Reply reply = api.post("/api/v1/cases/" + shared.reference() + "/withdrawal", "application/json", "",
                "Authorization", shared.person().bearer());
        assertEquals(200, reply.status(), reply.body());
    }

    private void publish() {
        Reply reply = api.post(PUBLISH, "application/json", "", "Authorization", "Bearer " + Tokens.operator(api));
        assertEquals(200, reply.status(), reply.body());
    }

    private Reply snapshot(String bearer) {
        Reply reply = api.get(SIGNALS, "Authorization", bearer);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(IndustrySignalResource.JSON_LINES, reply.contentType());
        return reply;
    }

    /** Every change after the checkpoint, page by page. */
    private List<JsonObject> changesSince(String bearer, String checkpoint, int pageSize) {
        List<JsonObject> changes = new ArrayList<>();
        String at = checkpoint;
        for (int page = 0; page < 10_000; page++) {
            Reply reply = api.get(SIGNALS + "?checkpoint=" + at + "&limit=" + pageSize, "Authorization", bearer);
            assertEquals(200, reply.status(), reply.body());
            assertEquals("application/json", reply.contentType());
            JsonObject body = reply.json();
            body.getJsonArray("signals").forEach(v -> changes.add(v.asJsonObject()));
            at = body.getString("checkpoint");
            if (!body.getBoolean("more")) {
                return changes;
            }
        }
        throw new AssertionError("the changes never ended");
    }

    /** The snapshot's lines for these signal values, as "id value". */
    private static Set<String> ours(String snapshot, Set<String> values) {
        Set<String> lines = new HashSet<>();
        for (String line : snapshot.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonObject signal = parse(line);
            if (values.contains(signal.getString("signal_value"))) {
                lines.add(signal.getString("id") + " " + signal.getString("signal_value"));
            }
        }
        return lines;
    }

    private static Map<String, String> idsByValue(String snapshot) {
        Map<String, String> ids = new HashMap<>();
        for (String line : snapshot.split("\n")) {
            if (!line.isEmpty()) {
                JsonObject signal = parse(line);
                assertEquals(Set.of("id", "signal_type", "signal_value", "change", "day"), signal.keySet());
                ids.put(signal.getString("signal_value"), signal.getString("id"));
            }
        }
        return ids;
    }

    private String typeOf(String messageId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT message_type FROM outbox_message WHERE id = ?")) {
            select.setString(1, messageId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
