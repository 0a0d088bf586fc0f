import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The analyst exchange's cost on one running node: how long leasing and acknowledging N packages takes, and how many
 * result events per second the results endpoint applies. Loopback only. Needs Nimbus on the class path (the
 * analyst-bridge jar holds it).
 *
 * Usage: java -cp target/report-remove-analyst-bridge.jar scripts/AnalystExchangeLoad.java keys DIR
 *          (writes DIR/bench-analyst.jwk, the client's private key, and DIR/bench-analyst.jwks, its public key set
 *          for the service's reportremove.client.bench-analyst.jwks-file)
 *        java -cp target/report-remove-analyst-bridge.jar scripts/AnalystExchangeLoad.java run BASE-URL KEY-FILE
 *          [packages] [submit-threads] [ack-threads] [result-threads] [batch|single]   (defaults 10000 16 8 4 batch)
 *          (batch: each lease's packages acknowledged in one request; single: one request per package, from the
 *          acknowledging threads)
 */
public class AnalystExchangeLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Exception e) {
            System.err.println("failed: " + e);
            System.exit(1);
        }
    }

    private static void measure(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-analyst-1").generate();
            Files.writeString(Path.of(args[1], "bench-analyst.jwk"), key.toJSONString());
            Files.writeString(Path.of(args[1], "bench-analyst.jwks"), new JWKSet(key.toPublicJWK()).toString());
            return;
        }
        String base = args[1];
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        ECKey key = ECKey.parse(Files.readString(Path.of(args[2])));
        int packages = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int submitThreads = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        int ackThreads = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        int resultThreads = args.length > 6 ? Integer.parseInt(args[6]) : 4;
        boolean batchAcks = args.length <= 7 || args[7].equals("batch");
        if (args.length > 7 && !args[7].matches("batch|single")) {
            throw new IllegalArgumentException("acknowledge: batch or single");
        }
        if (packages < 1 || packages > 100_000) {
            throw new IllegalArgumentException("packages: 1 to 100,000");
        }

        long seeding = System.nanoTime();
        seed(base, packages, submitThreads);
        System.out.printf("seeded %,d cases (one package each) in %.1f s%n", packages, seconds(seeding));

        String bearer = "Bearer " + clientToken(base, key);
        List<String[]> items = new ArrayList<>();
        ExecutorService ackers = Executors.newFixedThreadPool(ackThreads);
        AtomicInteger ackFailures = new AtomicInteger();
        long leaseNanos = 0;
        long started = System.nanoTime();
        int leased = 0;
        while (true) {
            long leaseStarted = System.nanoTime();
            Map<String, Object> answer = JSONObjectUtils.parse(post(base + "/api/v1/analyst/packages/lease", bearer,
                    "{\"max\": 500}", 200));
            leaseNanos += System.nanoTime() - leaseStarted;
            List<Object> batch = JSONObjectUtils.getJSONArray(answer, "packages");
            if (batch.isEmpty()) {
                break;
            }
            List<Future<?>> acks = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Object value : batch) {
                @SuppressWarnings("unchecked")
                Map<String, Object> leasedPackage = (Map<String, Object>) value;
                for (Object item : (List<?>) leasedPackage.getOrDefault("items", List.of())) {
                    items.add(new String[]{(String) leasedPackage.get("analystReference"),
                            (String) ((Map<?, ?>) item).get("itemReference")});
                }
                String id = (String) leasedPackage.get("packageId");
                ids.add(id);
                if (batchAcks) {
                    continue;
                }
                acks.add(ackers.submit(() -> {
                    try {
                        post(base + "/api/v1/analyst/packages/" + id + "/ack", bearer, "", 204);
                    } catch (Exception e) {
                        ackFailures.incrementAndGet();
                    }
                }));
            }
            if (batchAcks) {
                Map<String, Object> acknowledged = JSONObjectUtils.parse(post(base
                        + "/api/v1/analyst/packages/acknowledgements", bearer, "{\"packageIds\": [\""
                        + String.join("\", \"", ids) + "\"]}", 200));
                ackFailures.addAndGet(ids.size() - ((Number) acknowledged.get("acknowledged")).intValue());
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            leased += batch.size();
        }
        ackers.shutdown();
        double total = seconds(started);
        System.out.printf("leased and acknowledged %,d packages in %.1f s (%.0f packages/s; leasing %.1f s of it,"
                        + " 500 per lease; %s; %d failed acknowledgements)%n",
                leased, total, leased / total, leaseNanos / 1e9, batchAcks ? "one acknowledgement per lease"
                        : "one acknowledgement per package from " + ackThreads + " threads", ackFailures.get());

        // Result events: one assessment per item leased, in batches of 1,000, from several threads.
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        for (String[] item : items) {
            batch.append(inBatch == 0 ? "{\"events\": [" : ",").append("{\"eventId\": \"load-")
                    .append(UUID.randomUUID()).append("\", \"kind\": \"ASSESSMENT\", \"analystReference\": \"")
                    .append(item[0]).append("\", \"itemReference\": \"").append(item[1])
                    .append("\", \"outcome\": \"ACTIONABLE\", \"category\": \"C\", \"at\": \"2025-05-01T08:00:00Z\"}");
            if (++inBatch == 1000) {
                batches.add(batch.append("]}").toString());
                batch.setLength(0);
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            batches.add(batch.append("]}").toString());
        }
        ExecutorService senders = Executors.newFixedThreadPool(resultThreads);
        AtomicInteger applied = new AtomicInteger();
        List<Long> batchMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        long resultsStarted = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (String body : batches) {
            sent.add(senders.submit(() -> {
                long t = System.nanoTime();
                Map<String, Object> answer = JSONObjectUtils.parse(post(base + "/api/v1/analyst/results", bearer, body, 200));
                batchMillis.add((System.nanoTime() - t) / 1_000_000);
                applied.addAndGet(((Number) answer.get("applied")).intValue());
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        double resultSeconds = seconds(resultsStarted);
        List<Long> sorted = new ArrayList<>(batchMillis);
        java.util.Collections.sort(sorted);
        System.out.printf("applied %,d result events in %.1f s: %.0f events/s (%d batches of up to 1,000, %d threads;"
                        + " batch p50 %d ms, max %d ms)%n", applied.get(), resultSeconds, applied.get() / resultSeconds,
                batches.size(), resultThreads, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        System.exit(0);
    }

    private static void seed(String base, int cases, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(cases);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                String bearer = "Bearer " + signIn(base);
                while (left.getAndDecrement() > 0) {
                    post(base + "/api/v1/cases", bearer, "{\"items\": [{\"contentType\": \"PHOTO\", \"signals\": ["
                            + "{\"type\": \"SHA256\", \"value\": \"" + hex(32) + "\"}, {\"type\": \"PDQ\", \"value\": \""
                            + hex(32) + "\", \"quality\": 90}]}], \"consent\": {\"followUp\": false}}", 201,
                            "Idempotency-Key", UUID.randomUUID().toString());
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
    }

    private static String signIn(String base) throws Exception {
        String username = "load_" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        String passphrase = "load test passphrase " + UUID.randomUUID();
        post(base + "/api/v1/accounts", null, "{\"username\": \"" + username + "\", \"passphrase\": \"" + passphrase
                + "\", \"selfDeclaredAgeBand\": \"16_17\"}", 201);
        String token = form(base, "grant_type=password&username=" + username + "&password="
                + URLEncoder.encode(passphrase, StandardCharsets.UTF_8));
        return (String) JSONObjectUtils.parse(token).get("access_token");
    }

    private static String clientToken(String base, ECKey key) throws Exception {
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("bench-analyst").subject("bench-analyst")
                        .audience("urn:reportremove:service").jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(120))).build());
        assertion.sign(new ECDSASigner(key));
        String answer = form(base, "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion.serialize());
        return (String) JSONObjectUtils.parse(answer).get("access_token");
    }

    private static String form(String base, String form) throws Exception {
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("token: " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    private static String post(String url, String bearer, String json, int expected, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(url.replaceAll(".*/api", "/api") + ": " + reply.statusCode());
        }
        return reply.body();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
