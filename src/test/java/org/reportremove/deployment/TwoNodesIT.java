package org.reportremove.deployment;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.reportremove.testing.Api;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.YoungPeople;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.object;

/**
 * Two service nodes, each the built {@code report-remove-microbundle.jar} in a process of its own, on one empty
 * PostgreSQL database with the same keys: what a deployment with several replicas relies on. Everything the
 * service keeps between requests must be in the database, and every background job must be safe to run on both
 * nodes at once. The nodes boot in parallel; the last test kills one with {@code SIGKILL}.
 *
 * <p>Failsafe runs this after {@code package}. The test run ({@code TestRun}) has started PostgreSQL and made the
 * key files; this class creates a database of its own in it, so that the nodes start on an empty one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String JAR = "report-remove-microbundle.jar";
    private static final String DATABASE = "two_nodes";
    /** Short, so that the lease tests wait little; long enough that two concurrent leases never see it run out. */
    private static final int LEASE_SECONDS = 8;
    private static final Duration BOOT_WAIT = Duration.ofMinutes(5);
    private static final String LEASE = "/api/v1/analyst/packages/lease";

    private static Node first;
    private static Node second;
    private static String databaseUrl;

    @BeforeAll
    static void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
        Path dir = Path.of(System.getProperty("reportremove.test.dir", "target/test-run"), "two-nodes")
                .toAbsolutePath();
        Files.createDirectories(dir);
        try (Connection connection = TestRun.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        databaseUrl = TestRun.postgres().getJdbcUrl("postgres", DATABASE);
        // Both processes start before either is ready: they migrate the empty database at the same time.
        first = Node.start("a", dir);
        second = Node.start("b", dir);
        ExecutorService boot = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = boot.submit(() -> first.awaitReady());
            Future<?> b = boot.submit(() -> second.awaitReady());
            a.get();
            b.get();
        } finally {
            boot.shutdownNow();
        }
    }

    @AfterAll
    static void stopBothNodes() {
        for (Node node : new Node[]{first, second}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    // --- start-up ----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void bothNodesBecomeReadyAndTheMigrationsRanOnce() throws Exception {
        assertEquals(200, first.api.get("/health/ready").status());
        assertEquals(200, second.api.get("/health/ready").status());

        List<String> repeated = new ArrayList<>();
        int versions = 0;
        try (Connection connection = database();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, count(*), bool_and(success)"
                     + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
            while (rows.next()) {
                versions++;
                if (rows.getInt(2) != 1 || !rows.getBoolean(3)) {
                    repeated.add(rows.getString(1));
                }
            }
        }
        assertTrue(versions > 10, "the schema history holds the migrations: " + versions);
        assertEquals(List.of(), repeated, "each migration is recorded once, as a success");

        // Each migration is applied under Flyway's lock by whichever node gets to it first: the two may share the
        // work, but together they applied each one once.
        int appliedByFirst = first.applied();
        int appliedBySecond = second.applied();
        assertEquals(versions, appliedByFirst + appliedBySecond, "applied by the nodes: " + appliedByFirst + " and "
                + appliedBySecond + " of " + versions);
    }

    // --- analyst leases -----------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void concurrentLeasesFromBothNodesNeverHandOutOnePackageTwice() throws Exception {
        String analystA = analystBearer(first);
        String analystB = analystBearer(second);
        drain(second, analystB);
        List<String> cases = new ArrayList<>();
        YoungPeople.Person person = YoungPeople.person(first.api, "16_17");
        for (int i = 0; i < 12; i++) {
            cases.add(submitCase(i % 2 == 0 ? first : second, person, UUID.randomUUID().toString()).getString("reference"));
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pullers = Executors.newFixedThreadPool(2);
        List<String> leased = new ArrayList<>();
        try {
            // Each round's packages are acknowledged before the next, so no lease runs out on the way.
            for (int round = 0; round < 4; round++) {
                Future<List<String>> fromA = pullers.submit(leaseAfter(together, first, analystA, 4));
                Future<List<String>> fromB = pullers.submit(leaseAfter(together, second, analystB, 4));
                List<String> thisRound = new ArrayList<>(fromA.get(60, TimeUnit.SECONDS));
                thisRound.addAll(fromB.get(60, TimeUnit.SECONDS));
                leased.addAll(thisRound);
                if (!thisRound.isEmpty()) {
                    acknowledge(round % 2 == 0 ? first : second, round % 2 == 0 ? analystA : analystB,
                            List.copyOf(new HashSet<>(thisRound)));
                }
            }
        } finally {
            pullers.shutdownNow();
        }

        assertEquals(new HashSet<>(leased).size(), leased.size(), "a package was leased twice: " + leased);
        assertEquals(cases.size(), leased.size(), "every case's package was leased once");
    }

    @Test
    @Order(3)
    void aLeaseLeftToRunOutOnOneNodeIsOfferedAgainByTheOther() throws Exception {
        String analystA = analystBearer(first);
        String analystB = analystBearer(second);
        drain(second, analystB);
        YoungPeople.Person person = YoungPeople.person(second.api, "13_15");
        submitCase(second, person, UUID.randomUUID().toString());

        List<String> onA = lease(first, analystA, 10);
        assertEquals(1, onA.size(), "the new case's package is leased on the first node");
        assertEquals(List.of(), lease(second, analystB, 10), "while leased, the other node does not offer it");

        List<String> onB = leaseOnceTheLeaseHasRunOut(second, analystB);

        assertEquals(onA, onB);
        acknowledge(second, analystB, onB);
    }

    // --- cases --------------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void aCaseSubmissionRetriedOnTheOtherNodeGivesTheSameCase() throws Exception {
        YoungPeople.Person person = YoungPeople.person(first.api, "16_17");
        String key = UUID.randomUUID().toString();
        JsonObject body = caseBody();

        Reply original = first.api.postJson("/api/v1/cases", body, "Authorization", person.bearer(),
                "Idempotency-Key", key);
        Reply retried = second.api.postJson("/api/v1/cases", body, "Authorization", person.bearer(),
                "Idempotency-Key", key);

        assertEquals(201, original.status(), original.body());
        assertEquals(original.status(), retried.status(), retried.body());
        assertEquals(original.json(), retried.json());
        assertEquals(1, count("SELECT count(*) FROM report_case WHERE case_reference = ?",
                original.json().getString("reference")));
        assertEquals(1, count("SELECT count(*) FROM report_case WHERE account_id = ?",
                person.accountId()), "one case row for the young person");
    }

    @Test
    @Order(5)
    void oneCaseSubmissionReachingBothNodesAtOnceGivesOneCase() throws Exception {
        YoungPeople.Person person = YoungPeople.person(second.api, "13_15");
        String key = UUID.randomUUID().toString();
        JsonObject body = caseBody();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        Reply toA;
        Reply toB;
        try {
            Future<Reply> a = senders.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return first.api.postJson("/api/v1/cases", body, "Authorization", person.bearer(),
                        "Idempotency-Key", key);
            });
            Future<Reply> b = senders.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return second.api.postJson("/api/v1/cases", body, "Authorization", person.bearer(),
                        "Idempotency-Key", key);
            });
            toA = a.get(60, TimeUnit.SECONDS);
            toB = b.get(60, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
        }

        assertEquals(201, toA.status(), toA.body());
        assertEquals(201, toB.status(), toB.body());
        assertEquals(toA.json(), toB.json());
        assertEquals(1, count("SELECT count(*) FROM report_case WHERE account_id = ?", person.accountId()));
    }

    // --- sign-in limits -----------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void signInFailuresSpreadOverBothNodesLockTheUsernameOnBoth() {
        YoungPeople.Person person = YoungPeople.person(first.api, "16_17");
        String address = "203.0.113." + (1 + new Random().nextInt(250));
        for (int attempt = 0; attempt < 5; attempt++) {
            Node node = attempt % 2 == 0 ? first : second;
            Reply failed = signIn(node, address, person.username(), "not the passphrase " + attempt);
            assertEquals(400, failed.status(), "attempt " + (attempt + 1) + ": " + failed.body());
        }

        Reply onA = signIn(first, address, person.username(), YoungPeople.PASSPHRASE);
        Reply onB = signIn(second, address, person.username(), YoungPeople.PASSPHRASE);

        assertEquals(429, onA.status(), onA.body());
        assertEquals(429, onB.status(), onB.body());
        assertTrue(onB.body().contains("too-many-attempts"), onB.body());
        assertEquals(200, signIn(second, "198.51.100.7", person.username(), YoungPeople.PASSPHRASE).status(),
                "the owner from another address is not locked out");
    }

    // --- partner clients ----------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void aClientAssertionUsedOnOneNodeIsRefusedOnTheOther() {
        String assertion = Tokens.clientAssertion("test-operator", null, TestRun.clientKeyForTests("test-operator"));

        Reply used = tokenFor(first, assertion);
        Reply replayed = tokenFor(second, assertion);

        assertEquals(200, used.status(), used.body());
        assertEquals(401, replayed.status(), replayed.body());
        assertTrue(replayed.body().contains("urn:reportremove:problem:invalid-client"), replayed.body());
    }

    // --- audit trail --------------------------------------------------------------------------------------------

    @Test
    @Order(8)
    void theSealersOfBothNodesKeepOneUnbrokenChain() throws Exception {
        String operatorA = "Bearer " + Tokens.operator(first.api);
        String operatorB = "Bearer " + Tokens.operator(second.api);
        // Rows written through both nodes, a little apart, at least six and until each node's sealer has chained
        // some rows of the chain.
        Instant deadline = Instant.now().plusSeconds(90);
        int written = 0;
        while (written < 6 || !(first.hasSealed() && second.hasSealed())) {
            if (Instant.now().isAfter(deadline)) {
                fail("after " + written + " rows, sealed by the first node: " + first.hasSealed()
                        + ", by the second: " + second.hasSealed());
            }
            Node node = written % 2 == 0 ? first : second;
            Reply recorded = node.api.postJson("/api/v1/operator/audit/entries",
                    object("action", "KEY_ROTATED", "objectId", "two-nodes-" + written),
                    "Authorization", node == first ? operatorA : operatorB);
            assertEquals(201, recorded.status(), recorded.body());
            written++;
            Thread.sleep(350);
        }
        awaitNothingUnsealed();

        long rows = count("SELECT count(*) FROM audit_event");
        for (Node node : List.of(first, second)) {
            Reply verified = node.api.post("/api/v1/operator/audit/verifications", "application/json", "",
                    "Authorization", node == first ? operatorA : operatorB);
            assertEquals(200, verified.status(), verified.body());
            assertTrue(verified.json().getBoolean("intact"), node.name + ": " + verified.body());
            assertTrue(verified.json().getInt("linksVerified") >= rows, node.name + ": " + verified.body()
                    + " for " + rows + " rows");
        }
    }

    // --- the bank of known signals -----------------------------------------------------------------------------

    @Test
    @Order(9)
    void anImportOnOneNodeIsMatchedOnTheOtherWithinFiveSecondsAndSoIsItsRemoval() throws Exception {
        String operator = "Bearer " + Tokens.operator(first.api);
        String sha = YoungPeople.hex(64);
        Reply imported = first.api.post("/api/v1/operator/known-signals", "application/x-ndjson",
                object("type", "SHA256", "value", sha) + "\n", "Authorization", operator);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(1, imported.json().getInt("added"), imported.body());
        YoungPeople.Person person = YoungPeople.person(second.api, "16_17");

        assertTrue(knownOnWithin(second, person, sha, true, Duration.ofSeconds(5)),
                "the second node matched the first node's import within 5 s");

        Reply removed = second.api.post("/api/v1/operator/known-signals", "application/x-ndjson",
                object("type", "SHA256", "value", sha, "action", "REMOVE") + "\n",
                "Authorization", "Bearer " + Tokens.operator(second.api));
        assertEquals(1, removed.json().getInt("removed"), removed.body());
        assertTrue(knownOnWithin(first, YoungPeople.person(first.api, "16_17"), sha, false, Duration.ofSeconds(5)),
                "the first node dropped the second node's removal within 5 s");
    }

    /**
     * A node whose bank is still loading is live but not ready, and says why. The load is held by a file the test
     * creates ({@code reportremove.signals.index.test-hold-file}), so nothing here races a timer.
     */
    @Test
    @Order(10)
    void aNodeLoadingTheBankIsLiveButNotReadyAndSaysWhyUntilTheLoadEnds() throws Exception {
        Path dir = Path.of(System.getProperty("reportremove.test.dir", "target/test-run"), "two-nodes")
                .toAbsolutePath();
        Path release = dir.resolve("release-bank-load");
        Files.deleteIfExists(release);
        Node third = Node.start("c", dir, "-Dreportremove.signals.index.test-hold-file=" + release);
        try {
            third.awaitLive();

            Reply ready = third.api.get("/health/ready");
            Reply started = third.api.get("/health/started");
            assertEquals(503, ready.status(), ready.body());
            assertEquals(503, started.status(), started.body());
            for (Reply health : List.of(ready, started)) {
                JsonObject check = knownSignalsCheck(health);
                assertEquals("DOWN", check.getString("status"));
                assertEquals("loading", check.getJsonObject("data").getString("index"));
                assertEquals("loading the bank of known signals into memory",
                        check.getJsonObject("data").getString("reason"));
            }
            assertEquals(200, third.api.get("/health/live").status(), "liveness stays UP while loading");

            Files.createFile(release);
            third.awaitReady();
            assertEquals("UP", knownSignalsCheck(third.api.get("/health/ready")).getString("status"));
        } finally {
            third.kill();
        }
    }

    // --- a node killed mid-way ----------------------------------------------------------------------------------

    @Test
    @Order(11)
    void packagesLeasedByAKilledNodeComeBackThroughTheOtherAfterTheLease() throws Exception {
        String analystA = analystBearer(first);
        String analystB = analystBearer(second);
        // The cases of the idempotency tests are still pending: take them out of the way.
        drain(second, analystB);
        YoungPeople.Person person = YoungPeople.person(second.api, "16_17");
        for (int i = 0; i < 3; i++) {
            submitCase(second, person, UUID.randomUUID().toString());
        }
        List<String> onA = lease(first, analystA, 10);
        assertEquals(3, onA.size(), "the three new packages are leased through the first node");

        first.kill();
        assertFalse(first.process.isAlive());

        List<String> onB = leaseOnceTheLeaseHasRunOut(second, analystB);
        assertEquals(Set.copyOf(onA), Set.copyOf(onB));
        assertEquals(onA.size(), onB.size());
        acknowledge(second, analystB, onB);
        assertEquals(List.of(), lease(second, analystB, 10), "acknowledged, nothing is left to lease");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Submits a case with the SHA-256 on {@code node} until its answer says {@code known}, for at most {@code wait}. */
    private static boolean knownOnWithin(Node node, YoungPeople.Person person, String sha, boolean known,
                                         Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        do {
            Reply reply = node.api.postJson("/api/v1/cases", object(
                    "items", array(object("contentType", "PHOTO", "signals", array(
                            object("type", "SHA256", "value", sha),
                            object("type", "MD5", "value", YoungPeople.hex(32))))),
                    "consent", object("followUp", false)), "Authorization", person.bearer(),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertEquals(201, reply.status(), node.name + ": " + reply.body());
            if (reply.json().getJsonArray("items").getJsonObject(0).getBoolean("alreadyKnown") == known) {
                return true;
            }
            // Twice a second at most: a young person may submit 20 cases an hour.
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    private static JsonObject knownSignalsCheck(Reply health) {
        for (JsonValue check : health.json().getJsonArray("checks")) {
            if ("known-signals".equals(check.asJsonObject().getString("name"))) {
                return check.asJsonObject();
            }
        }
        throw new AssertionError("no known-signals check in " + health.body());
    }

    private static String analystBearer(Node node) {
        return "Bearer " + Tokens.clientToken(node.api, "test-analyst", null);
    }

    private static Callable<List<String>> leaseAfter(CyclicBarrier together, Node node, String bearer, int max) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            return lease(node, bearer, max);
        };
    }

    private static List<String> lease(Node node, String bearer, int max) {
        Reply leased = node.api.postJson(LEASE, object("max", max), "Authorization", bearer);
        assertEquals(200, leased.status(), node.name + ": " + leased.body());
        List<String> ids = new ArrayList<>();
        for (JsonValue value : leased.json().getJsonArray("packages")) {
            ids.add(value.asJsonObject().getString("packageId"));
        }
        return ids;
    }

    /** Leases and acknowledges everything pending, so that a test counts only its own packages. */
    private static void drain(Node node, String bearer) {
        for (List<String> leased = lease(node, bearer, 500); !leased.isEmpty(); leased = lease(node, bearer, 500)) {
            acknowledge(node, bearer, leased);
        }
    }

    /** Leases on {@code node} until something comes, for at most twice the lease. */
    private static List<String> leaseOnceTheLeaseHasRunOut(Node node, String bearer) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(2L * LEASE_SECONDS + 10);
        while (Instant.now().isBefore(deadline)) {
            List<String> leased = lease(node, bearer, 10);
            if (!leased.isEmpty()) {
                return leased;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("nothing was offered again within twice the lease");
    }

    private static void acknowledge(Node node, String bearer, List<String> packageIds) {
        Reply acknowledged = node.api.postJson("/api/v1/analyst/packages/acknowledgements",
                object("packageIds", array(packageIds.toArray())), "Authorization", bearer);
        assertEquals(200, acknowledged.status(), acknowledged.body());
        assertEquals(packageIds.size(), acknowledged.json().getInt("acknowledged"), acknowledged.body());
    }

    private static JsonObject submitCase(Node node, YoungPeople.Person person, String key) {
        Reply reply = node.api.postJson("/api/v1/cases", caseBody(), "Authorization", person.bearer(),
                "Idempotency-Key", key);
        assertEquals(201, reply.status(), node.name + ": " + reply.body());
        return reply.json();
    }

    private static JsonObject caseBody() {
        return object(
                "items", array(object("contentType", "PHOTO", "signals", array(
                        object("type", "SHA256", "value", YoungPeople.hex(64)),
                        object("type", "PDQ", "value", YoungPeople.hex(64), "quality", 90)))),
                "locations", array(object("kind", "PLATFORM", "platform", "OTHER")),
                "concerns", array("KNOWS_WHO"),
                "consent", object("followUp", false));
    }

    private static Reply signIn(Node node, String address, String username, String passphrase) {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(passphrase, StandardCharsets.UTF_8);
        return node.api.send(node.api.request("/api/v1/auth/token", "X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static Reply tokenFor(Node node, String assertion) {
        return node.api.postForm("/api/v1/auth/token", "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion);
    }

    private static void awaitNothingUnsealed() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM audit_event WHERE seal_seq IS NULL") > 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("audit rows are still unsealed after 30 s");
            }
            Thread.sleep(500);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl);
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = database();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** One service process: the runnable jar with the settings the Arquillian servers use, and a short lease. */
    private static final class Node {

        private static final Pattern APPLIED = Pattern.compile("event=database\\.migrated .*applied=(\\d+)");

        final String name;
        final Process process;
        final Path log;
        final Api api;

        private Node(String name, Process process, Path log, int port) throws IOException {
            this.name = name;
            this.process = process;
            this.log = log;
            this.api = new Api(URI.create("http://127.0.0.1:" + port + "/").toURL());
        }

        static Node start(String name, Path dir, String... settings) throws IOException {
            Path jar = Path.of(System.getProperty("reportremove.jars.dir", "target"), JAR).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                fail(jar + " is missing: the service jar is built at package, before this test runs (mvn verify)");
            }
            Path keys = Path.of(System.getProperty("reportremove.test.dir", "target/test-run")).toAbsolutePath();
            Path home = dir.resolve(name);
            // Payara Micro unpacks the application under its temporary directory: start from an empty one.
            deleteRecursively(home);
            Files.createDirectories(home.resolve("tmp"));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.io.tmpdir=" + home.resolve("tmp"),
                    "-Dreportremove.datasource.url=" + databaseUrl,
                    "-Dreportremove.datasource.user=postgres",
                    "-Dreportremove.datasource.password=postgres",
                    "-Dreportremove.data.dir=" + home.resolve("data"),
                    "-Dreportremove.http.trusted-proxies=127.0.0.1",
                    "-Dreportremove.sign-in.attempts-per-address=1000",
                    "-Dreportremove.accounts.openings-per-address-per-hour=100000",
                    "-Dreportremove.cases.submissions-per-address-per-hour=1000000",
                    "-Dreportremove.analysts.hold-back.enabled=false",
                    "-Dreportremove.analysts.lease-seconds=" + LEASE_SECONDS,
                    "-Dreportremove.tokens.signing-jwks-file=" + keys.resolve("token-signing.jwks"),
                    "-Dreportremove.encryption.keyset-file=" + keys.resolve("encryption.keyset.json"),
                    "-Dreportremove.analysts.bundles.signing-jwks-file=" + keys.resolve("analyst-bundle-signing.jwks"),
                    "-Dreportremove.analysts.bundles.analyst-jwks-file=" + keys.resolve("analyst-side.jwks"),
                    "-Dreportremove.clients=test-operator,test-analyst",
                    "-Dreportremove.client.test-operator.roles=operator",
                    "-Dreportremove.client.test-operator.jwks-file=" + keys.resolve("client-test-operator.jwks"),
                    "-Dreportremove.client.test-analyst.roles=analyst-exchange",
                    "-Dreportremove.client.test-analyst.jwks-file=" + keys.resolve("client-test-analyst.jwks"),
                    "-Dreportremove.agecheck.provider.development=false",
                    "-Dreportremove.agecheck.provider.name=test-age-provider",
                    "-Dreportremove.agecheck.provider.issuer=https://age-provider.test",
                    "-Dreportremove.agecheck.provider.jwks-file="
                            + System.getProperty("reportremove.test.age-provider.jwks-file"),
                    "-jar", jar.toString(), "--port", Integer.toString(port)));
            // Extra settings go before -jar, as the others do.
            command.addAll(command.indexOf("-jar"), List.of(settings));
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("REPORTREMOVE_")
                    || List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
                    .contains(variable));
            Process process = builder.start();
            // Should this JVM end before @AfterAll (a crash, a cut build), the node must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new Node(name, process, log, port);
        }

        Void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(BOOT_WAIT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("node " + name + " ended with status " + process.exitValue() + ":\n" + log());
                }
                try {
                    if (api.get("/health/ready").status() == 200) {
                        return null;
                    }
                } catch (RuntimeException notListeningYet) {
                    // Refused until Payara Micro has bound the port.
                }
                Thread.sleep(500);
            }
            fail("node " + name + " was not ready within " + BOOT_WAIT + ":\n" + log());
            return null;
        }

        /**
         * Waits until the application answers liveness with its own check (it may still be unready): the runtime's
         * health endpoint answers before the application is deployed, without the application's checks.
         */
        void awaitLive() throws Exception {
            Instant deadline = Instant.now().plus(BOOT_WAIT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("node " + name + " ended with status " + process.exitValue() + ":\n" + log());
                }
                try {
                    Reply live = api.get("/health/live");
                    if (live.status() == 200 && live.body().contains("\"process\"")) {
                        return;
                    }
                } catch (RuntimeException notListeningYet) {
                    // Refused until Payara Micro has bound the port.
                }
                Thread.sleep(500);
            }
            fail("node " + name + " was not live within " + BOOT_WAIT + ":\n" + log());
        }

        int applied() throws IOException {
            Matcher matcher = APPLIED.matcher(log());
            assertTrue(matcher.find(), "node " + name + " logged no migration outcome");
            return Integer.parseInt(matcher.group(1));
        }

        boolean hasSealed() throws IOException {
            return log().contains("event=audit.sealed ");
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** {@code SIGKILL}: no shutdown hook runs, no lease is given back. */
        void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("node " + name + " outlived SIGKILL for 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
