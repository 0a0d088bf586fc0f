package org.reportremove.platform.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The built service jar, run as an operator runs it, ends with a status that says why when it cannot start, instead
 * of 0 (which a supervisor takes for a clean stop) or staying up without the application; and while it starts,
 * nothing but the application answers. Run by failsafe, after the jar is built.
 */
class StartupFailuresIT {

    private static final String JAR = "report-remove-microbundle.jar";

    @TempDir
    Path dir;

    @Test
    void aPortThatCannotBeBoundEndsTheProcessWithStatus71() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = runService(Map.of(), "--port", Integer.toString(taken.getLocalPort()));

            assertEquals(ServiceMain.BOOT_FAILED, run.status(), run.log());
            assertTrue(run.log().contains("event=startup.failed reason=port-in-use"), run.log());
        }
    }

    @Test
    void aTrustedProxyThatIsNeitherAnAddressNorARangeEndsTheProcessWithStatus78() throws Exception {
        Run run = runService(Map.of("REPORTREMOVE_HTTP_TRUSTED_PROXIES", "10.0.0.0/8,ingress.internal"),
                "--port", Integer.toString(freePort()));

        assertEquals(78, run.status(), run.log());
        assertTrue(run.log().contains("event=startup.refused reason=trusted-proxies detail='ingress.internal' is not"
                + " an IP address"), run.log());
    }

    @Test
    void aDatabaseThatDoesNotAnswerWithinTheWaitEndsTheProcessWithStatus69() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String password = "startup-test-password-7f3a";
        Run run = runService(Map.of(
                "REPORTREMOVE_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/reportremove",
                "REPORTREMOVE_DATASOURCE_USER", "reportremove",
                "REPORTREMOVE_DATASOURCE_PASSWORD", password,
                "REPORTREMOVE_DATASOURCE_STARTUP_WAIT_SECONDS", "3"), "--port", Integer.toString(freePort()));

        assertEquals(69, run.status(), run.log());
        assertTrue(run.log().contains("event=database.unreachable attempt=1"), run.log());
        assertTrue(run.log().contains("event=startup.failed reason=database-unreachable waitedSeconds=3"), run.log());
        assertFalse(run.log().contains(password), "the log names no credential");
    }

    @Test
    void nothingAnswersBeforeTheApplicationAndThenOnlyTheApplicationDoes() throws Exception {
        int port = freePort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<String> wrong = new ArrayList<>();
        int answers = 0;
        Process process = startService(Map.of(), "--port", Integer.toString(port));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            boolean ready = false;
            while (!ready && process.isAlive() && System.nanoTime() < deadline) {
                for (String path : List.of("/api/v1/accounts/me", "/health/ready", "/")) {
                    HttpResponse<String> reply;
                    try {
                        reply = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException notListeningYet) {
                        continue;
                    }
                    answers++;
                    String failure = whatIsWrong(reply);
                    if (failure != null && wrong.size() < 10) {
                        wrong.add(path + ": " + failure);
                    }
                    ready |= path.equals("/health/ready") && reply.statusCode() == 200;
                }
                Thread.sleep(50);
            }
            assertTrue(ready, "the service became ready within 600 s:\n" + Files.readString(dir.resolve("service.log")));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        assertTrue(answers > 0);
        assertTrue(wrong.isEmpty(), "answers while starting that did not come from the application:\n"
                + String.join("\n", wrong));
    }

    /** Null when the answer is the application's: its request id, a problem document for an error, no runtime name. */
    private static String whatIsWrong(HttpResponse<String> reply) {
        int status = reply.statusCode();
        if (reply.headers().firstValue("X-Request-Id").isEmpty()) {
            return status + " without a request id: " + reply.body();
        }
        String server = reply.headers().firstValue("Server").orElse("")
                + reply.headers().firstValue("X-Powered-By").orElse("");
        if (!server.isEmpty()) {
            return status + " naming the runtime: " + server;
        }
        String type = reply.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return status + " as " + type + ": " + reply.body();
        }
        return null;
    }

    private record Run(int status, String log) {
    }

    /** {@code java -jar} on the service jar, in development mode, with a data directory of its own. */
    private Run runService(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process process = startService(environment, args);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("the service neither started nor stopped within 180 s:\n" + Files.readString(dir.resolve("service.log")));
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("service.log")));
    }

    private Process startService(Map<String, String> environment, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("reportremove.jars.dir", "target"), JAR).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: the service jar is built at package, before this test runs (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + dir, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("REPORTREMOVE_")
                || List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(name));
        builder.environment().put("REPORTREMOVE_DATA_DIR", dir.resolve("data").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
