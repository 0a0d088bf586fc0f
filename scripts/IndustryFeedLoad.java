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

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The industry feed's cost on one running node, as one platform sees it: how fast a whole snapshot streams (lines
 * and megabytes per second, counted as they arrive, never held), and how many pages of changes a second one reader
 * gets. Loopback only. Needs Nimbus on the class path (the analyst-bridge jar holds it).
 *
 * Usage: java -cp target/report-remove-analyst-bridge.jar scripts/IndustryFeedLoad.java keys DIR
 *        java -cp … scripts/IndustryFeedLoad.java checkpoint BASE-URL KEY-FILE      (prints the feed's checkpoint)
 *        java -cp … scripts/IndustryFeedLoad.java run BASE-URL KEY-FILE CHECKPOINT [page-size] [page-seconds]
 *            [service-pid] [postmaster-pid]
 *
 * With the process ids it also prints the CPU seconds the service, PostgreSQL (the postmaster and its children) and
 * this reader spent on each part, and the load average after it: the machine is shared, so a rate alone does not say
 * where the time went.
 */
public class IndustryFeedLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("keys")) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-platform-1").generate();
            Files.writeString(Path.of(args[1], "bench-platform.jwk"), key.toJSONString());
            Files.writeString(Path.of(args[1], "bench-platform.jwks"), new JWKSet(key.toPublicJWK()).toString());
            return;
        }
        String base = args[1];
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load goes to loopback only");
        }
        String bearer = "Bearer " + clientToken(base, ECKey.parse(Files.readString(Path.of(args[2]))));
        if (args[0].equals("checkpoint")) {
            HttpResponse<InputStream> snapshot = get(base + "/api/v1/industry/signals", bearer);
            snapshot.body().transferTo(java.io.OutputStream.nullOutputStream());
            System.out.println(snapshot.headers().firstValue("Feed-Checkpoint").orElseThrow());
            return;
        }
        String checkpoint = args[3];
        int pageSize = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int pageSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        Cpu cpu = new Cpu(args.length > 6 ? Long.parseLong(args[6]) : -1, args.length > 7 ? Long.parseLong(args[7]) : -1);

        long started = System.nanoTime();
        HttpResponse<InputStream> snapshot = get(base + "/api/v1/industry/signals", bearer);
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = snapshot.body()) {
            for (int read; (read = body.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("snapshot: %d signals, %.0f MB in %.1f s: %.0f signals/s, %.1f MB/s%n", lines, bytes / 1e6,
                seconds, lines / seconds, bytes / 1e6 / seconds);
        System.out.println("snapshot: " + cpu.spent());

        started = System.nanoTime();
        long deadline = started + pageSeconds * 1_000_000_000L;
        long pages = 0;
        long changes = 0;
        String at = checkpoint;
        while (System.nanoTime() < deadline) {
            HttpResponse<InputStream> page = get(base + "/api/v1/industry/signals?limit=" + pageSize + "&checkpoint="
                    + URLEncoder.encode(at, StandardCharsets.US_ASCII), bearer);
            Map<String, Object> json = JSONObjectUtils.parse(new String(page.body().readAllBytes(),
                    StandardCharsets.UTF_8));
            at = (String) json.get("checkpoint");
            changes += ((java.util.List<?>) json.get("signals")).size();
            pages++;
            if (!(Boolean) json.get("more")) {
                break;
            }
        }
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("changes: %d pages of up to %d (%d changes) in %.1f s: %.1f pages/s, %.0f changes/s%n",
                pages, pageSize, changes, seconds, pages / seconds, changes / seconds);
        System.out.println("changes: " + cpu.spent());
    }

    private static HttpResponse<InputStream> get(String url, String bearer) throws Exception {
        HttpResponse<InputStream> reply = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + reply.statusCode() + " "
                    + new String(reply.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return reply;
    }

    private static String clientToken(String base, ECKey key) throws Exception {
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("bench-platform").subject("bench-platform")
                        .audience("urn:reportremove:service").jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(120))).build());
        assertion.sign(new ECDSASigner(key));
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_assertion_type="
                        + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        StandardCharsets.UTF_8) + "&client_assertion=" + assertion.serialize())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("token: " + reply.statusCode() + " " + reply.body());
        }
        return (String) JSONObjectUtils.parse(reply.body()).get("access_token");
    }

    /** CPU seconds spent since the last call, by the service, PostgreSQL and this reader, from /proc. */
    static final class Cpu {

        private final long service;
        private final long postgres;
        private double[] last;

        Cpu(long service, long postgres) {
            this.service = service;
            this.postgres = postgres;
            this.last = now();
        }

        String spent() {
            double[] now = now();
            String text = String.format("CPU %.1f s service, %.1f s PostgreSQL, %.1f s reader; load average %s",
                    now[0] - last[0], now[1] - last[1], now[2] - last[2], loadAverage());
            last = now;
            return text;
        }

        private double[] now() {
            double reader = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            return new double[]{seconds(service, false), seconds(postgres, true), reader};
        }

        /** utime + stime of a process (and, for PostgreSQL, of its live children and those it has reaped). */
        private static double seconds(long pid, boolean withChildren) {
            if (pid < 0) {
                return 0;
            }
            double total = ticks(pid, withChildren);
            if (withChildren) {
                total += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                        .mapToDouble(child -> ticks(child.pid(), false)).sum();
            }
            return total / 100.0;
        }

        private static double ticks(long pid, boolean reaped) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 14 to 17 of stat(5), counted from the state (field 3).
                double own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
            } catch (java.io.IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }
}
