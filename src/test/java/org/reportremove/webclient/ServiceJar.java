package org.reportremove.webclient;

import org.reportremove.testing.Api;
import org.reportremove.testing.TestRun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The built {@code report-remove-microbundle.jar} in a process of its own on a database of its own in the test
 * run's PostgreSQL, in development mode with the development age provider: the service as the web client meets it,
 * with one helpline partner whose counsellors write to the inbox.
 */
final class ServiceJar {

    /** The helpline partner client, with the test run's key for it. */
    static final String HELPLINE = "test-helpline";

    private static final Duration BOOT_WAIT = Duration.ofMinutes(5);
    private static final String DATABASE = "web_client";

    final Process process;
    final Path log;
    final URI base;
    final Api api;

    private ServiceJar(Process process, Path log, int port) throws IOException {
        this.process = process;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port + "/");
        this.api = new Api(base.toURL());
    }

    static ServiceJar start() throws Exception {
        Path jar = Path.of(System.getProperty("reportremove.jars.dir", "target"), "report-remove-microbundle.jar")
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: the service jar is built at package, before this test runs (mvn verify)");
        }
        Path keys = Path.of(System.getProperty("reportremove.test.dir", "target/test-run")).toAbsolutePath();
        Path home = keys.resolve("web-client");
        deleteRecursively(home);
        Files.createDirectories(home.resolve("tmp"));
        try (Connection connection = TestRun.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-Dreportremove.datasource.url=" + TestRun.postgres().getJdbcUrl("postgres", DATABASE),
                "-Dreportremove.datasource.user=postgres",
                "-Dreportremove.datasource.password=postgres",
                "-Dreportremove.data.dir=" + home.resolve("data"),
                "-Dreportremove.sign-in.attempts-per-address=1000",
                "-Dreportremove.accounts.openings-per-address-per-hour=100000",
                "-Dreportremove.cases.submissions-per-address-per-hour=1000000",
                "-Dreportremove.tokens.signing-jwks-file=" + keys.resolve("token-signing.jwks"),
                "-Dreportremove.encryption.keyset-file=" + keys.resolve("encryption.keyset.json"),
                "-Dreportremove.analysts.bundles.signing-jwks-file=" + keys.resolve("analyst-bundle-signing.jwks"),
                "-Dreportremove.analysts.bundles.analyst-jwks-file=" + keys.resolve("analyst-side.jwks"),
                "-Dreportremove.agecheck.provider.development=true",
                "-Dreportremove.clients=" + HELPLINE,
                "-Dreportremove.client." + HELPLINE + ".roles=counsellor",
                "-Dreportremove.client." + HELPLINE + ".jwks-file=" + keys.resolve("client-" + HELPLINE + ".jwks"),
                "-jar", jar.toString(), "--port", Integer.toString(port)));
        Path log = home.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("REPORTREMOVE_")
                || List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(variable));
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ServiceJar service = new ServiceJar(process, log, port);
        service.awaitReady();
        return service;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(BOOT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the service ended with status " + process.exitValue() + ":\n" + log());
            }
            try {
                if (api.get("/health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // Refused until Payara Micro has bound the port.
            }
            Thread.sleep(500);
        }
        fail("the service was not ready within " + BOOT_WAIT + ":\n" + log());
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
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
}
