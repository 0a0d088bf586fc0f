import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The submission load of scripts/fault-injection.sh. Every thread submits cases one after another; a submission
 * that gets no answer, a 503 or any other 5xx is sent again, byte for byte with the same Idempotency-Key, until it
 * is acknowledged (201). Runs until the stop file appears, then finishes the submissions under way and writes
 * each acknowledged case reference to the acknowledged file, one a line. Prints what came back, and, from the
 * faults file the script writes ("epoch-millis start|end label" lines), how long each fault kept acknowledgements
 * away. Loopback only.
 *
 * Usage: java scripts/FaultLoad.java base-url threads stop-file acknowledged-file faults-file
 */
public class FaultLoad {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(4)).build();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> referenceByKey = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Long> acknowledgedAt = new ConcurrentSkipListSet<>();
    private final List<Long> unavailableMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger duplicatedAnswers = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
    private final AtomicInteger serverErrorsNotProblems = new AtomicInteger();

    private FaultLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        new FaultLoad(base).run(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
    }

    private void run(int threads, Path stopFile, Path acknowledgedFile, Path faultsFile) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                Account account;
                try {
                    account = Account.open(this);
                } catch (Exception | Error e) {
                    System.out.println("a load thread could not open its account: " + e);
                    System.exit(1);
                    return;
                }
                opened.countDown();
                while (!Files.exists(stopFile)) {
                    submitUntilAcknowledged(account);
                }
            });
        }
        opened.await();
        // The script starts its faults only once every thread submits.
        Files.createFile(Path.of(stopFile + ".running"));
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            // The stop file ends the loop; submissions under way finish first.
        }
        Files.write(acknowledgedFile, referenceByKey.values());
        report(faultsFile);
        System.exit(0);
    }

    private void submitUntilAcknowledged(Account account) {
        String key = UUID.randomUUID().toString();
        String body = caseBody();
        long started = System.currentTimeMillis();
        boolean first = true;
        while (System.currentTimeMillis() - started < GIVE_UP_AFTER.toMillis()) {
            if (!first) {
                retries.incrementAndGet();
                pause(250);
            }
            first = false;
            long sent = System.currentTimeMillis();
            HttpResponse<String> reply;
            try {
                reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + account.token)
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception noAnswer) {
                count("no answer");
                continue;
            }
            int status = reply.statusCode();
            count(Integer.toString(status));
            if (status == 201) {
                String reference = reply.body().replaceAll("(?s).*\"reference\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                String before = referenceByKey.putIfAbsent(key, reference);
                if (before != null && !before.equals(reference)) {
                    duplicatedAnswers.incrementAndGet();
                }
                acknowledgedAt.add(System.currentTimeMillis() * 1000 + ThreadLocalRandom.current().nextInt(1000));
                return;
            }
            if (status == 503) {
                unavailableMillis.add(System.currentTimeMillis() - sent);
                if (reply.headers().firstValue("Retry-After").isEmpty()) {
                    unavailableWithoutRetryAfter.incrementAndGet();
                }
            }
            if (status >= 500 && !reply.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                serverErrorsNotProblems.incrementAndGet();
            }
            if (status == 401) {
                account.signIn();
            } else if (status == 404 && !reply.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                // The runtime's own 404 while the application is still deploying: the same request, again.
                count("404 from the runtime while starting");
            } else if (status < 500 && status != 429) {
                count("refused for good (" + status + ")");
                return;
            }
        }
        gaveUp.incrementAndGet();
    }

    private void report(Path faultsFile) throws Exception {
        System.out.println("acknowledged submissions: " + referenceByKey.size() + " (retries sent: " + retries.get()
                + ", given up: " + gaveUp.get() + ", one key answered with two references: "
                + duplicatedAnswers.get() + ")");
        System.out.println("answers: " + new TreeMap<>(statuses));
        List<Long> sorted = new ArrayList<>(unavailableMillis);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("503 answers: %d, time to answer p50 %d ms, max %d ms, without Retry-After: %d%n",
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                    unavailableWithoutRetryAfter.get());
        }
        System.out.println("5xx answers that are not problem documents: " + serverErrorsNotProblems.get());
        if (!Files.exists(faultsFile)) {
            return;
        }
        Map<String, long[]> faults = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(faultsFile)) {
            String[] parts = line.trim().split(" ", 3);
            if (parts.length == 3) {
                faults.computeIfAbsent(parts[2], label -> new long[2])[parts[1].equals("start") ? 0 : 1]
                        = Long.parseLong(parts[0]);
            }
        }
        faults.forEach((label, times) -> {
            Long before = acknowledgedAt.lower(times[0] * 1000);
            Long after = acknowledgedAt.ceiling(times[1] * 1000);
            System.out.printf("%-34s no acknowledgement for %5.1f s; first one %5.1f s after the fault ended%n",
                    label + ":", before == null || after == null ? Double.NaN : (after / 1000 - before / 1000) / 1000.0,
                    after == null ? Double.NaN : (after / 1000 - times[1]) / 1000.0);
        });
    }

    private void count(String outcome) {
        statuses.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One self-declared account per thread; signs in again when a token is refused. */
    private static final class Account {
        private final FaultLoad load;
        private final String username = "fault_" + letters(UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12));
        private final String passphrase = "fault test passphrase " + UUID.randomUUID();
        private volatile String token;

        private Account(FaultLoad load) {
            this.load = load;
        }

        static Account open(FaultLoad load) throws Exception {
            Account account = new Account(load);
            HttpResponse<String> opened = load.http.send(HttpRequest.newBuilder(URI.create(load.base + "/api/v1/accounts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + account.username
                            + "\", \"passphrase\": \"" + account.passphrase + "\", \"selfDeclaredAgeBand\": \"16_17\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (opened.statusCode() != 201) {
                throw new IllegalStateException("could not open a load account: " + opened.statusCode() + " "
                        + opened.body());
            }
            account.signIn();
            return account;
        }

        void signIn() {
            for (int attempt = 0; attempt < 600; attempt++) {
                try {
                    HttpResponse<String> reply = load.http.send(HttpRequest.newBuilder(
                                    URI.create(load.base + "/api/v1/auth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username
                                    + "&password=" + URLEncoder.encode(passphrase, StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() == 200) {
                        token = reply.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                        return;
                    }
                } catch (Exception serviceAway) {
                    // Restarting: try again shortly.
                }
                pause(500);
            }
            throw new IllegalStateException("could not sign in");
        }
    }

    private static String caseBody() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            items.append(i == 0 ? "" : ",").append("{\"contentType\": \"PHOTO\", \"signals\": [")
                    .append("{\"type\": \"SHA256\", \"value\": \"").append(hex(32)).append("\"},")
                    .append("{\"type\": \"PDQ\", \"value\": \"").append(hex(32)).append("\", \"quality\": 90}]}");
        }
        return "{\"items\": [" + items + "], \"locations\": [{\"kind\": \"URL\", \"url\": \"https://example.com/"
                + hex(8) + "\"}], \"consent\": {\"followUp\": false}}";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
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
