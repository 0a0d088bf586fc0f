package org.reportremove.analysts.bridge;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;
import org.reportremove.testing.YoungPeople.ReportedCase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.JsonBodies.parse;

/**
 * The analyst-bridge command against the deployed service, as the analysts' side runs it: pull into an inbox
 * (also after a crash between writing and acknowledging), push result files, and unpack and pack bundles.
 */
class AnalystBridgeHttpTest extends DeployedServiceTest {

    private static final String JSON = "application/json";

    private Path dir;
    private Path clientKey;

    @BeforeEach
    void prepare() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        dir = Files.createTempDirectory(tmp, "bridge-");
        clientKey = dir.resolve("client.jwk");
        Files.writeString(clientKey, TestRun.clientKeyForTests("test-analyst").toJSONString());
    }

    @Test
    void pullWritesEachPackageOnceAndAcknowledgesItEvenAfterACrashBeforeTheAcknowledgement() throws Exception {
        ReportedCase first = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        Path inbox = dir.resolve("inbox");

        Run pulled = bridge("pull", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString(), "--inbox", inbox.toString(), "--max", "3");
        assertEquals(0, pulled.status(), pulled.err());
        Path file = packageFileOf(inbox, first.analystReference());
        String packageId = file.getFileName().toString().replace(".json", "");
        assertEquals(0, outboxRows(packageId), "acknowledged once written");
        assertTrue(Files.exists(inbox.resolve(".received").resolve(packageId)));

        // A crash after writing, before acknowledging: the service leases the package again once the lease ends.
        ReportedCase second = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String analyst = "Bearer " + Tokens.clientToken(api, "test-analyst", null);
        String leased = null;
        while (leased == null) {
            Reply lease = api.postJson("/api/v1/analyst/packages/lease", object("max", 500), "Authorization", analyst);
            assertEquals(200, lease.status(), lease.body());
            assertFalse(lease.json().getJsonArray("packages").isEmpty(), "the second package was leased");
            for (var value : lease.json().getJsonArray("packages")) {
                JsonObject p = value.asJsonObject();
                if (p.getString("analystReference").equals(second.analystReference())) {
                    leased = p.getString("packageId");
                    new Inbox(inbox).accept(leased, p.toString());
                } else {
                    // Left behind by an earlier test, which is finished with it.
                    api.post("/api/v1/analyst/packages/" + p.getString("packageId") + "/ack", JSON, "",
                            "Authorization", analyst);
                }
            }
        }
        Files.delete(inbox.resolve(leased + ".json"));
        assertEquals(1, execute("UPDATE outbox_message SET available_at = now() - interval '1 second' WHERE id = ?",
                leased));

        Run again = bridge("pull", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString(), "--inbox", inbox.toString());
        assertEquals(0, again.status(), again.err());
        assertFalse(Files.exists(inbox.resolve(leased + ".json")), "not put in the inbox a second time");
        assertEquals(0, outboxRows(leased), "but acknowledged now");
        assertTrue(again.out().contains("received before"), again.out());
    }

    @Test
    void pushMovesTakenFilesToDoneAndLeavesOnesWithRejectedEventsBesideTheirReasonsWithStatus3() throws Exception {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "13_15"), 1);
        Path outbox = dir.resolve("outbox");
        Files.createDirectories(outbox);
        JsonObject good = object("events", array(object("eventId", "push-" + UUID.randomUUID(), "kind", "ASSESSMENT",
                "analystReference", reported.analystReference(), "itemReference", reported.itemReferences().get(0),
                "outcome", "NOT_FOUND", "at", "2025-05-01T08:00:00Z")));
        JsonObject bad = object("events", array(object("eventId", "push-bad-" + UUID.randomUUID(),
                "kind", "CASE_CLOSED", "analystReference", "AR-0000-0000-0000-0000", "at", "2025-05-01T08:00:00Z")));
        Files.writeString(outbox.resolve("a-good.json"), good.toString());
        Files.writeString(outbox.resolve("b-bad.json"), bad.toString());

        Run pushed = bridge("push", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString(), "--outbox", outbox.toString());

        assertEquals(3, pushed.status(), "done, but something was left rejected: " + pushed.err());
        assertEquals("pushed 1 files; 1 left with rejected events", pushed.out().strip());
        String badId = bad.getJsonArray("events").getJsonObject(0).getString("eventId");
        assertEquals(String.join("\n",
                "analyst-bridge push: 1 files left with rejected events; fix each, remove its .rejected file, and"
                        + " push again:",
                "  b-bad.json (b-bad.json.rejected):",
                "    " + badId + "\tUNKNOWN_REFERENCE\tanalystReference: no case has ever had this reference"),
                pushed.err().strip(), "says which file and which events");
        assertTrue(Files.exists(outbox.resolve("done/a-good.json")));
        assertTrue(Files.exists(outbox.resolve("b-bad.json")));
        assertTrue(Files.readString(outbox.resolve("b-bad.json.rejected")).contains("UNKNOWN_REFERENCE"));
        Run again = bridge("push", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString(), "--outbox", outbox.toString());
        assertEquals("pushed 0 files; 1 left with rejected events", again.out().strip(), "held until looked at");
        assertEquals(3, again.status(), "still left behind");

        Files.delete(outbox.resolve("b-bad.json"));
        Files.delete(outbox.resolve("b-bad.json.rejected"));
        Run clean = bridge("push", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString(), "--outbox", outbox.toString());
        assertEquals(0, clean.status(), clean.err());
        assertEquals("", clean.err());
    }

    @Test
    void unpackAndPackCarryABundleAcrossTheAirGapBothWays() throws Exception {
        ReportedCase reported = YoungPeople.report(api, database, YoungPeople.person(api, "16_17"), 1);
        String operator = "Bearer " + Tokens.operator(api);
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");
        Path serviceKeys = dir.resolve("service.jwks");
        Path analystKeys = dir.resolve("analysts.jwks");
        Files.writeString(serviceKeys, api.get("/api/v1/operator/analyst-bundles/signing-key", "Authorization",
                operator).body());
        Files.writeString(analystKeys, TestRun.analystSideKeys().toString(false));
        Reply exported = api.post("/api/v1/operator/analyst-bundles", null, "", "Authorization", operator);
        assertEquals(200, exported.status(), exported.body());
        Path bundle = dir.resolve("packages.jose");
        Files.writeString(bundle, exported.body());

        Run unpacked = bridge("unpack", "--bundle", bundle.toString(), "--service-keys", serviceKeys.toString(),
                "--analyst-keys", analystKeys.toString(), "--inbox", inbox.toString(), "--outbox", outbox.toString());
        assertEquals(0, unpacked.status(), unpacked.err());
        Path file = packageFileOf(inbox, reported.analystReference());
        String packageId = file.getFileName().toString().replace(".json", "");
        assertTrue(Files.exists(outbox.resolve("ack-" + packageId + ".json")));
        assertEquals(1, outboxRows(packageId), "held until the acknowledgement comes back");

        String eventId = "packed-" + UUID.randomUUID();
        Files.writeString(outbox.resolve("results-1.json"), object("events", array(object("eventId", eventId,
                "kind", "REMOVAL_ACTION", "analystReference", reported.analystReference(),
                "action", "HASH_SHARED", "listName", "industry-list", "at", "2025-05-01T08:00:00Z"))).toString());
        Path results = dir.resolve("results.jose");
        Run packed = bridge("pack", "--outbox", outbox.toString(), "--analyst-keys", analystKeys.toString(),
                "--out", results.toString());
        assertEquals(0, packed.status(), packed.err());
        assertTrue(Files.exists(outbox.resolve("done/results-1.json")));

        Reply imported = api.post("/api/v1/operator/analyst-bundles/results", "application/jose",
                Files.readString(results), "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        JsonObject report = imported.json();
        assertTrue(report.getInt("acknowledged") >= 1, report.toString());
        assertEquals(0, outboxRows(packageId));
        assertTrue(report.getJsonArray("results").stream().map(r -> r.asJsonObject())
                .anyMatch(r -> r.getString("eventId").equals(eventId) && r.getString("status").equals("applied")));

        Files.writeString(bundle, exported.body().replace('A', 'B'));
        Run tampered = bridge("unpack", "--bundle", bundle.toString(), "--service-keys", serviceKeys.toString(),
                "--analyst-keys", analystKeys.toString(), "--inbox", inbox.toString(), "--outbox", outbox.toString());
        assertEquals(1, tampered.status());
        assertTrue(tampered.err().contains("was refused"), tampered.err());
    }

    @Test
    void wrongUsageIsExplainedWithStatus2() {
        assertEquals(2, bridge().status());
        assertEquals(2, bridge("fetch", "--inbox", "x").status());
        Run noInbox = bridge("pull", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString());
        assertEquals(2, noInbox.status());
        assertTrue(noInbox.err().startsWith("--inbox is required"), noInbox.err());
        assertEquals(2, bridge("pull", "--service", base.toString(), "--client-id", "test-analyst", "--client-key",
                clientKey.toString(), "--inbox", "x", "--max", "501").status());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run bridge(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AnalystBridge.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path packageFileOf(Path inbox, String analystReference) throws Exception {
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonObject p = parse(Files.readString(file));
                if (p.getString("analystReference").equals(analystReference)) {
                    matches.add(file);
                }
            }
        }
        assertEquals(1, matches.size(), "one file for the package");
        return matches.get(0);
    }

    private long outboxRows(String id) throws SQLException {
        return count("SELECT COUNT(*) FROM outbox_message WHERE id = ?", id);
    }

}
