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
 * Webhook deliveries that one node sustains to a fast local receiver, and the delay from an event's queueing to its
 * delivery. Runs the receiver (answers 200 at once, keeps each request's arrival time and its CloudEvent's time),
 * waits for the service, then:
 *
 * <ol>
 *   <li>drain: the node starts with a backlog of {@code backlog} due notifications (queued while it had no
 *   subscription) and {@code partners} subscriptions; the rate at which it delivers all of them is its capacity;</li>
 *   <li>steady: {@code threads} young people submit cases for {@code seconds} (each case queues a notification,
 *   fanned out to every partner); prints deliveries/s and the queue-to-delivery delay's percentiles.</li>
 * </ol>
 *
 * Before, while the node has no subscription, {@code backlog} queues the notifications: young people each open an
 * account and submit one case, whose first milestone writes to their inbox and queues one notification (one waits
 * per account, however many cases).
 *
 * Usage: java scripts/WebhookLoad.java backlog base-url count threads
 *        java scripts/WebhookLoad.java measure base-url receiver-port backlog partners seconds threads
 * (scripts/webhook-load.sh runs both). Loopback only.
 */
public class WebhookLoad {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    record Arrival(long atMillis, long delayMillis) {
    }

    private static final ConcurrentLinkedQueue<Arrival> ARRIVALS = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        if (args[0].equals("backlog")) {
            backlog(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int port = Integer.parseInt(args[2]);
        int backlog = Integer.parseInt(args[3]);
        int partners = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
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
            tokens.add(signIn(http, base));
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
                        HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", "Bearer " + token)
                                        .header("Idempotency-Key", UUID.randomUUID().toString())
                                        .POST(HttpRequest.BodyPublishers.ofString(caseBody())).build(),
                                HttpResponse.BodyHandlers.discarding());
                        (reply.statusCode() == 201 ? cases : failures).incrementAndGet();
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
        System.exit(0);
    }

    private static void backlog(String base, int count, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger queued = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    String token = signIn(http, base);
                    HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .POST(HttpRequest.BodyPublishers.ofString(caseBody())).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (reply.statusCode() == 201) {
                        queued.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println("backlog: " + queued.get() + " young people submitted a case");
        System.exit(0);
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

    static String signIn(HttpClient http, String base) throws Exception {
        String username = "hook_" + letters(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
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

    static String caseBody() {
        return "{\"items\": [{\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"SHA256\", \"value\": \""
                + hex(32) + "\"}, {\"type\": \"PDQ\", \"value\": \"" + hex(32) + "\", \"quality\": 90}]}],"
                + " \"consent\": {\"followUp\": false}}";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String letters(String hex) {
        StringBuilder name = new StringBuilder();
        for (char c : hex.toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }
}
