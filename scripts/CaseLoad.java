import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Case submissions per second that one running node sustains. Opens one self-declared account per thread, signs
 * each in, then submits cases of 3 photos (SHA-256, MD5 and PDQ each, fresh random values), one URL and a note,
 * from every thread for a fixed time after a warm-up, and prints the rate and latency percentiles. Loopback only.
 *
 * Usage: java scripts/CaseLoad.java [base-url] [seconds] [threads] [warm-up-seconds]
 *        (defaults http://127.0.0.1:8080 30 16 10; the service must be running)
 */
public class CaseLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tokens.add(signIn(http, base));
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmUp).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            String bearer = "Bearer " + tokens.get(t);
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", bearer)
                                        .header("Idempotency-Key", UUID.randomUUID().toString())
                                        .POST(HttpRequest.BodyPublishers.ofString(caseBody())).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (started < measureFrom) {
                            continue;
                        }
                        if (reply.statusCode() == 201) {
                            latencies.add(System.nanoTime() - started);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + warmUp + 60L, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("no case was accepted; failures=" + failures.get());
            System.exit(1);
        }
        System.out.printf("cases: %d in %d s with %d threads (after %d s warm-up), failures: %d%n",
                sorted.size(), seconds, threads, warmUp, failures.get());
        System.out.printf("cases/s: %.0f%n", sorted.size() / (double) seconds);
        System.out.printf("latency ms: p50 %.1f, p99 %.1f, max %.1f%n", percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        System.exit(0);
    }

    private static String signIn(HttpClient http, String base) throws Exception {
        String username = "load_" + letters(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String passphrase = "load test passphrase " + UUID.randomUUID();
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username + "\", \"passphrase\": \""
                        + passphrase + "\", \"selfDeclaredAgeBand\": \"16_17\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 201) {
            throw new IllegalStateException("could not open a load account: " + opened.statusCode());
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username + "&password="
                        + URLEncoder.encode(passphrase, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("could not sign in: " + token.statusCode());
        }
        return token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String caseBody() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            items.append(i == 0 ? "" : ",").append("{\"contentType\": \"PHOTO\", \"signals\": [")
                    .append("{\"type\": \"SHA256\", \"value\": \"").append(hex(32)).append("\"},")
                    .append("{\"type\": \"MD5\", \"value\": \"").append(hex(16)).append("\"},")
                    .append("{\"type\": \"PDQ\", \"value\": \"").append(hex(32)).append("\", \"quality\": 90}]}");
        }
        return "{\"items\": [" + items + "], \"locations\": [{\"kind\": \"URL\", \"url\": \"https://example.com/"
                + hex(8) + "\"}], \"notes\": \"load test note\", \"consent\": {\"followUp\": false}}";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    /** Digits become letters: a username with seven digits in a row would look like a phone number. */
    private static String letters(String hex) {
        StringBuilder name = new StringBuilder();
        for (char c : hex.toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }
}
