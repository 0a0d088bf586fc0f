import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case load against one running node, loopback only, in three modes.
 *
 * <p>{@code cases} (the default): case submissions per second that the node sustains. Opens one self-declared
 * account per thread, signs each in, then submits cases of 3 photos (SHA-256, MD5 and PDQ each, fresh random values),
 * one URL and a note, from every thread for a fixed time after a warm-up, and prints the rate and latency
 * percentiles.
 *
 * <p>{@code webhook-backlog} and {@code webhook-measure}: webhook deliveries that the node sustains to a fast local
 * receiver, and the delay from an event's queueing to its delivery. Before, while the node has no subscription,
 * {@code webhook-backlog} queues the notifications: young people each open an account and submit one case, whose
 * first milestone writes to their inbox and queues one notification (one waits per account, however many cases).
 * {@code webhook-measure} runs the receiver (answers 200 at once, keeps each request's arrival time and its
 * CloudEvent's time), waits for the service, then:
 * <ol>
 *   <li>drain: the node starts with the backlog of {@code backlog} due notifications and {@code partners}
 *   subscriptions; the rate at which it delivers all of them is its capacity;</li>
 *   <li>steady: {@code threads} young people submit cases for {@code seconds} (each case queues a notification,
 *   fanned out to every partner); prints deliveries/s and the queue-to-delivery delay's percentiles.</li>
 * </ol>
 *
 * Usage: java scripts/CaseLoad.java [base-url] [seconds] [threads] [warm-up-seconds]
 *        (defaults http://127.0.0.1:8080 30 16 10; the service must be running)
 *        java scripts/CaseLoad.java webhook-backlog base-url count threads
 *        java scripts/CaseLoad.java webhook-measure base-url receiver-port backlog partners seconds threads
 *        (scripts/webhook-load.sh runs both webhook modes)
 */
public class CaseLoad {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
    private static final ConcurrentLinkedQueue<Arrival> ARRIVALS = new ConcurrentLinkedQueue<>();

    record Arrival(long atMillis, long delayMillis) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && args[0].startsWith("webhook-") ? args[0] : "cases";
        String[] rest = mode.equals("cases") ? args : Arrays.copyOfRange(args, 1, args.length);
        String base = rest.length > 0 ? rest[0] : "http://127.0.0.1:8080";
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        switch (mode) {
            case "cases" -> caseRate(http, base, rest.length > 1 ? Integer.parseInt(rest[1]) : 30,
                    rest.length > 2 ? Integer.parseInt(rest[2]) : 16, rest.length > 3 ? Integer.parseInt(rest[3]) : 10);
            case "webhook-backlog" -> webhookBacklog(http, base, Integer.parseInt(rest[1]), Integer.parseInt(rest[2]));
            case "webhook-measure" -> webhookMeasure(http, base, Integer.parseInt(rest[1]), Integer.parseInt(rest[2]),
                    Integer.parseInt(rest[3]), Integer.parseInt(rest[4]), Integer.parseInt(rest[5]));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(0);
    }

    private static void caseRate(HttpClient http, String base, int seconds, int threads, int warmUp)
            throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tokens.add(signIn(http, base, "load_"));
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmUp).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            String token = tokens.get(t);
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        int status = submit(http, base, token, caseBody());
                        if (started < measureFrom) {
                            continue;
                        }
                        if (status == 201) {
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
        System.out.printf("latency ms: p50 %.1f, p99 %.1f, max %.1f%n", percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Runs the receiver, then times the drain of the backlog and the deliveries of a steady case load. */
    private static void webhookMeasure(HttpClient http, String base, int port, int backlog, int partners, int seconds,
                                       int threads) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                long now = System.currentTimeMillis();
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher time = TIME.matcher(body);
                long queued = time.find() ? Instant.parse(time.group(1)).toEpochMilli() : now;
                ARRIVALS.add(new Arrival(now, now - queued));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        awaitReady(http, base);

        int expected = backlog * partners;
        long drainDeadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (ARRIVALS.size() < expected && System.nanoTime() < drainDeadline) {
            Thread.sleep(200);
        }
        List<Arrival> drained = new ArrayList<>(ARRIVALS);
        long first = drained.stream().mapToLong(Arrival::atMillis).min().orElse(0);
        long last = drained.stream().mapToLong(Arrival::atMillis).max().orElse(0);
        System.out.printf("drain: %d of %d deliveries (%d notifications x %d partners) in %.1f s: %.0f deliveries/s%n",
                drained.size(), expected, backlog, partners, (last - first) / 1000.0,
                drained.size() * 1000.0 / Math.max(1, last - first));
        ARRIVALS.clear();

        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tokens.add(signIn(http, base, "hook_"));
        }
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.currentTimeMillis();
        long end = start + seconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (String token : tokens) {
            pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    try {
                        int status = submit(http, base, token, smallCaseBody());
                        (status == 201 ? cases : failures).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        Thread.sleep(5_000);
        List<Long> delays = new ArrayList<>();
        long inWindow = 0;
        for (Arrival arrival : ARRIVALS) {
            delays.add(arrival.delayMillis());
            if (arrival.atMillis() <= end) {
                inWindow++;
            }
        }
        Collections.sort(delays);
        System.out.printf("steady: %d cases in %d s with %d threads (%d failed): %d deliveries, %.0f deliveries/s%n",
                cases.get(), seconds, threads, failures.get(), delays.size(), inWindow / (double) seconds);
        if (!delays.isEmpty()) {
            System.out.printf("queue to delivery, ms: p50 %d, p99 %d, max %d%n", percentile(delays, 0.50),
                    percentile(delays, 0.99), delays.get(delays.size() - 1));
        }
        receiver.stop(0);
    }

    /** Queues notifications while the node has no subscription: each young person submits one case. */
    private static void webhookBacklog(HttpClient http, String base, int count, int threads) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger queued = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    String token = signIn(http, base, "hook_");
                    int status = submit(http, base, token, smallCaseBody());
                    if (status == 201) {
                        queued.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println("backlog: " + queued.get() + " young people submitted a case");
    }

    private static void awaitReady(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready");
    }

    /** Submits one case with a fresh idempotency key; returns the status. */
    private static int submit(HttpClient http, String base, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String signIn(HttpClient http, String base, String prefix) throws Exception {
        String username = prefix + letters(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
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

    /** The case of the webhook modes: one photo, no location (its notification is what is measured). */
    private static String smallCaseBody() {
        return "{\"items\": [{\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"SHA256\", \"value\": \""
                + hex(32) + "\"}, {\"type\": \"PDQ\", \"value\": \"" + hex(32) + "\", \"quality\": 90}]}],"
                + " \"consent\": {\"followUp\": false}}";
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

    /** The nearest-rank percentile of values sorted ascending. */
    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
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
