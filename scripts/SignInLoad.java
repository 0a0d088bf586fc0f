import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-ins per second that one running node sustains. Opens one self-declared account, then signs in with it
 * from several threads for a fixed time and prints the rate and latency percentiles. Loopback only.
 *
 * Usage: java scripts/SignInLoad.java [base-url] [seconds] [threads]
 *        (defaults http://127.0.0.1:8080 30 4; the service must be running)
 */
public class SignInLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String username = "load_" + letters(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String passphrase = "load test passphrase " + UUID.randomUUID();
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username + "\", \"passphrase\": \""
                        + passphrase + "\", \"selfDeclaredAgeBand\": \"16_17\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 201) {
            throw new IllegalStateException("could not open the load account: " + opened.statusCode());
        }
        String form = "grant_type=password&username=" + username + "&password="
                + URLEncoder.encode(passphrase, StandardCharsets.UTF_8);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (reply.statusCode() == 200) {
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
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d sign-ins in %d s with %d threads: %.1f per second, %d failed%n",
                sorted.size(), seconds, threads, sorted.size() / (double) seconds, failures.get());
        if (!sorted.isEmpty()) {
            System.out.printf("latency ms: median %.1f, p95 %.1f, p99 %.1f%n", ms(sorted, 0.5), ms(sorted, 0.95),
                    ms(sorted, 0.99));
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(quantile * (sorted.size() - 1)))) / 1e6;
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
