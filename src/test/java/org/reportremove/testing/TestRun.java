package org.reportremove.testing;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.reportremove.platform.crypto.EncryptionKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Sets up what the whole test run shares, once: a real PostgreSQL (started here, stopped when the run ends),
 * the service's token signing key, its encryption keyset and the partner clients' keys, the keys of a stand-in
 * age check provider
 * (whose public key set the servers read from a file, as they would a real provider's), and a copy of
 * everything the launched servers print, which
 * the log scan reads. The settings reach the Payara Micro processes that Arquillian launches through system
 * properties named in {@code arquillian.xml}.
 */
public class TestRun implements LauncherSessionListener {

    private static EmbeddedPostgres postgres;
    private static RSAKey serviceKey;
    private static final Map<String, ECKey> CLIENT_KEYS = new ConcurrentHashMap<>();
    private static final LogCapture LOGS = new LogCapture();
    private static String encryptionKeyset;
    private static JWKSet analystSideKeys;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Path dir = Path.of(System.getProperty("reportremove.test.dir", "target/test-run")).toAbsolutePath();
            Files.createDirectories(dir);
            // Kept under target/ by the build; PostgreSQL and Payara Micro unpack themselves there.
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            LOGS.install();
            startPostgres(dir);
            createKeys(dir);
            AgeProvider.createKeys(dir);
            webhookReceivers();
        } catch (IOException | SQLException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("The test run could not be set up", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    private static void startPostgres(Path dir) throws IOException, SQLException {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.resolve("postgres").toFile())
                .setCleanDataDirectory(true)
                .start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            String serverVersion = version.getString(1);
            statement.execute("CREATE DATABASE reportremove");
            PrintStream out = System.out;
            out.println("Tests use PostgreSQL " + serverVersion + " on port " + postgres.getPort());
        }
        System.setProperty("reportremove.test.db.url", url.replace("/postgres?", "/reportremove?"));
        System.setProperty("reportremove.test.db.port", Integer.toString(postgres.getPort()));
    }

    /**
     * The service's token signing key (configured from a file, as in production) and the keys of the partner
     * clients the launched servers trust.
     */
    private static void createKeys(Path dir) throws IOException, com.nimbusds.jose.JOSEException {
        serviceKey = new RSAKeyGenerator(2048).keyID("test-service-1").generate();
        Files.writeString(dir.resolve("token-signing.jwks"), new JWKSet(serviceKey).toString(false),
                StandardCharsets.US_ASCII);
        // The encryption keyset has two keys, the newer one primary, as after a rotation: every test then also
        // shows that a keyset with several keys works.
        try {
            KeysetHandle older = EncryptionKeys.generate();
            KeysetHandle rotated = KeysetHandle.newBuilder(older)
                    .addEntry(KeysetHandle.generateEntryFromParameters(
                            PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            encryptionKeyset = EncryptionKeys.serialise(rotated);
            Files.writeString(dir.resolve("encryption.keyset.json"), encryptionKeyset, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test encryption keyset could not be made", e);
        }
        // The air-gap bundles: the service's bundle signing key, and the analyst side's own signing and encryption
        // keys, of which the service is given the public halves.
        Files.writeString(dir.resolve("analyst-bundle-signing.jwks"), new JWKSet(new ECKeyGenerator(Curve.P_256)
                .keyID("test-bundles-1").generate()).toString(false), StandardCharsets.US_ASCII);
        analystSideKeys = new JWKSet(List.of(
                new ECKeyGenerator(Curve.P_256).keyID("analysts-sig-1").keyUse(KeyUse.SIGNATURE).generate(),
                new ECKeyGenerator(Curve.P_256).keyID("analysts-enc-1").keyUse(KeyUse.ENCRYPTION).generate()));
        Files.writeString(dir.resolve("analyst-side.jwks"), analystSideKeys.toPublicJWKSet().toString(),
                StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("analyst-side-private.jwks"), analystSideKeys.toString(false),
                StandardCharsets.US_ASCII);
        for (String client : new String[]{"test-operator", "test-helpline", "test-helpline-2", "test-analyst",
                "test-platform", "test-platform-b", "test-platform-none", "test-platform-limited"}) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(client + "-1").generate();
            CLIENT_KEYS.put(client, key);
            Files.writeString(dir.resolve("client-" + client + ".jwks"), new JWKSet(key.toPublicJWK()).toString(),
                    StandardCharsets.US_ASCII);
        }
    }

    /**
     * Ports for the webhook receivers the webhook tests run, and the two signing secrets of the partner that is
     * rotating: the server that delivers webhooks is configured with them (arquillian.xml) before the tests start
     * their receivers. Made afresh for every run.
     */
    private static void webhookReceivers() throws IOException {
        for (String receiver : WEBHOOK_RECEIVERS) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                System.setProperty("reportremove.test.webhook." + receiver + "-port",
                        Integer.toString(socket.getLocalPort()));
            }
        }
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (String secret : List.of("older", "newer")) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            System.setProperty("reportremove.test.webhook.secret-" + secret,
                    "whsec_" + java.util.Base64.getEncoder().encodeToString(key));
        }
    }

    /** The webhook receivers, each a partner of the webhook test server. */
    public static final List<String> WEBHOOK_RECEIVERS = List.of("helpline", "relay", "slow", "platform");

    /** The PostgreSQL of this test run. */
    public static EmbeddedPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("The test run's PostgreSQL is not running");
        }
        return postgres;
    }

    /**
     * A database of its own on the test run's PostgreSQL, named {@code prefix} and a random suffix, migrated as the
     * service migrates it: for tests of SQL that must not see what other tests wrote.
     */
    public static DataSource migratedDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = postgres().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource database = postgres().getDatabase("postgres", name);
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        return database;
    }

    /** The key the service signs access tokens with. */
    static RSAKey serviceKey() {
        return serviceKey;
    }

    /** The private key of a partner client the servers trust. */
    public static ECKey clientKeyForTests(String client) {
        return clientKey(client);
    }

    static ECKey clientKey(String client) {
        return CLIENT_KEYS.get(client);
    }

    /** The servers' encryption keyset (Tink JSON), for tests that check what is stored encrypted. */
    public static String encryptionKeyset() {
        return encryptionKeyset;
    }

    /** The analyst side's bundle keys, private halves included (the servers hold only the public ones). */
    public static JWKSet analystSideKeys() {
        return analystSideKeys;
    }

    /** Everything printed during the run, servers included. */
    public static LogCapture logs() {
        return LOGS;
    }
}
