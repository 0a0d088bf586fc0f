package org.reportremove.architecture;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.reportremove.analysts.control.BundleKeys;
import org.reportremove.auth.control.PartnerClients;
import org.reportremove.auth.control.TokenSigningKeys;
import org.reportremove.platform.crypto.EncryptionKeys;
import org.reportremove.platform.crypto.Sealer;
import org.reportremove.testing.H2AuditTrail;
import org.reportremove.testing.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportremove.analysts.bundle.Bundle;
import org.reportremove.analysts.bundle.BundleFormat;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs each separately shipped jar, as built by {@code mvn package}, with nothing but what it holds: the hashing
 * library in a class loader whose parent is the platform class loader (so neither the test class path nor the
 * service is visible), the four commands as {@code java -jar} processes of their own. A class that reaches
 * outside its jar fails here as it would on the machine the jar ships to. None of the jars declares a
 * {@code Class-Path}: what they need is inside them.
 *
 * <p>Failsafe runs this after {@code package}; {@code reportremove.jars.dir} says where the jars are and
 * {@code pdq.reference.dir} where the PDQ conformance set is (missing, the test fails rather than skips).
 */
class ShippedJarsIT {

    private static final String HASHING_JAR = "report-remove-hashing.jar";
    private static final String HASH_JAR = "report-remove-hash.jar";
    private static final String BRIDGE_JAR = "report-remove-analyst-bridge.jar";
    private static final String AUDIT_VERIFY_JAR = "report-remove-audit-verify.jar";
    private static final String KEYS_JAR = "report-remove-keys.jar";

    @TempDir
    Path dir;

    // --- report-remove-hashing.jar: the core alone -------------------------------------------------------------

    @Test
    void hashingLibraryAloneHashesDecodedPixelsExactlyAsTheReference() throws Exception {
        try (URLClassLoader loader = isolated(HASHING_JAR)) {
            Class<?> hasherType = loader.loadClass("org.reportremove.signals.hashing.PdqHasher");
            assertEquals(jar(HASHING_JAR).toUri().toURL(), hasherType.getProtectionDomain().getCodeSource().getLocation());
            Class<?> pixelFormat = loader.loadClass("org.reportremove.signals.hashing.PixelFormat");
            Object hasher = hasherType.getConstructor().newInstance();
            Method hash = hasherType.getMethod("hash", byte[].class, int.class, int.class, pixelFormat);

            // An RGB photo-sized image, and one wider than 512 pixels (the reference's pre-resize path).
            for (String image : List.of("synthetic/noise-rgb-400x300.png", "synthetic/text-black-on-white-600x200.png")) {
                Pixels pixels = Pixels.of(referenceImage(image));
                Object result = hash.invoke(hasher, pixels.samples(), pixels.width(), pixels.height(),
                        pixelFormat.getField(pixels.format()).get(null));
                Object pdq = call(result, "hash");
                String[] expected = expectedRow(image);
                assertEquals(expected[1], call(pdq, "toHex"), image);
                assertEquals(Integer.parseInt(expected[2]), call(result, "quality"), image);
            }
        }
    }

    @Test
    void hashingLibraryAloneDigestsAsTheJdkDoesAndRecognisesAPhoto() throws Exception {
        byte[] photo = Files.readAllBytes(referenceImage("bridge-mods/aaa-orig.jpg"));
        try (URLClassLoader loader = isolated(HASHING_JAR)) {
            Class<?> digesterType = loader.loadClass("org.reportremove.signals.hashing.StreamDigester");
            Object digests = digesterType.getMethod("digest", InputStream.class)
                    .invoke(digesterType.getConstructor().newInstance(), new ByteArrayInputStream(photo));
            assertEquals(hex("SHA-256", photo), call(digests, "sha256"));
            assertEquals(hex("MD5", photo), call(digests, "md5"));
            assertEquals((long) photo.length, call(digests, "length"));

            Class<?> sniffer = loader.loadClass("org.reportremove.signals.hashing.ContentSniffer");
            Object detected = sniffer.getMethod("detect", byte[].class, int.class).invoke(null, photo, 512);
            assertEquals("Optional[PHOTO]", detected.toString());
        }
    }

    @Test
    void hashingLibraryHoldsTheCorePackageOnly() throws Exception {
        try (URLClassLoader loader = isolated(HASHING_JAR);
             JarFile jar = new JarFile(jar(HASHING_JAR).toFile())) {
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("org.reportremove.signals.hashing.imageio.ImageDecoder"));
            List<String> strays = jar.stream().map(e -> e.getName())
                    .filter(name -> !name.startsWith("META-INF/") && !name.endsWith("/")
                            && !name.matches("org/reportremove/signals/hashing/[^/]+\\.class"))
                    .toList();
            assertEquals(List.of(), strays);
            assertNull(jar.getManifest().getMainAttributes().getValue("Class-Path"));
        }
    }

    // --- report-remove-hash.jar: the command --------------------------------------------------------------------

    @Test
    void hashCommandAlonePrintsTheItemsJsonWithReferencePdqAndSha256() throws Exception {
        // The CMYK JPEG needs the TwelveMonkeys decoder inside the jar: the JDK's own JPEG reader refuses it.
        List<String> images = List.of("misc-images/modes/CMYK.jpg", "synthetic/noise-rgb-400x300.png");
        List<String> args = new ArrayList<>();
        for (String image : images) {
            args.add(referenceImage(image).toString());
        }
        Run run = runJar(HASH_JAR, args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());

        Map<String, JsonObject> itemsBySha256 = new HashMap<>();
        for (JsonObject item : array(run.out()).getValuesAs(JsonObject.class)) {
            assertEquals("PHOTO", item.getString("contentType"));
            itemsBySha256.put(signal(item, "SHA256").getString("value"), item);
        }
        assertEquals(images.size(), itemsBySha256.size());
        for (String image : images) {
            byte[] bytes = Files.readAllBytes(referenceImage(image));
            JsonObject item = itemsBySha256.get(hex("SHA-256", bytes));
            assertTrue(item != null, image + " is missing from the output, or its SHA-256 is wrong");
            assertEquals(hex("MD5", bytes), signal(item, "MD5").getString("value"), image);
            String[] expected = expectedRow(image);
            JsonObject pdq = signal(item, "PDQ");
            assertEquals(expected[1], pdq.getString("value"), image);
            assertEquals(Integer.parseInt(expected[2]), pdq.getInt("quality"), image);
        }
    }

    // --- report-remove-analyst-bridge.jar: the air-gap directions -------------------------------------------------

    @Test
    void analystBridgeAloneUnpacksAnEncryptedPackageBundleAndPacksTheResults() throws Exception {
        ECKey serviceSigning = new ECKeyGenerator(Curve.P_256).keyID("test-service-bundles").generate();
        ECKey analystSigning = new ECKeyGenerator(Curve.P_256).keyID("test-analysts-sig")
                .keyUse(KeyUse.SIGNATURE).generate();
        ECKey analystEncryption = new ECKeyGenerator(Curve.P_256).keyID("test-analysts-enc")
                .keyUse(KeyUse.ENCRYPTION).generate();
        JWKSet analystSide = new JWKSet(List.of(analystSigning, analystEncryption));
        Path serviceKeys = write("service-public.jwks", new JWKSet(serviceSigning.toPublicJWK()).toString());
        Path analystKeys = write("analyst-private.jwks", analystSide.toString(false));

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<String> packages = List.of(packageLine(first), packageLine(second));
        Path packageBundle = write("packages.jose", BundleFormat.write(BundleFormat.PACKAGES, packages,
                serviceSigning, analystEncryption.toPublicJWK()).file());
        Path inbox = dir.resolve("inbox");
        Path outbox = dir.resolve("outbox");

        Run unpacked = runJar(BRIDGE_JAR, "unpack", "--bundle", packageBundle.toString(),
                "--service-keys", serviceKeys.toString(), "--analyst-keys", analystKeys.toString(),
                "--inbox", inbox.toString(), "--outbox", outbox.toString());
        assertEquals(0, unpacked.status(), unpacked.err());
        assertTrue(unpacked.out().contains(": 2 new of 2 packages"), unpacked.out());
        assertEquals(packages.get(0), Files.readString(inbox.resolve(first + ".json")).strip());
        assertEquals(packages.get(1), Files.readString(inbox.resolve(second + ".json")).strip());
        assertTrue(Files.isRegularFile(outbox.resolve("ack-" + first + ".json")));
        assertTrue(Files.isRegularFile(outbox.resolve("ack-" + second + ".json")));

        String event = "{\"eventId\":\"it-closed-" + first.substring(0, 8) + "\",\"kind\":\"CASE_CLOSED\","
                + "\"analystReference\":\"AR-7K3P-9QX2-M4TD-Q8RW\",\"at\":\"2025-05-01T14:00:00Z\"}";
        write("outbox/results-1.json", "{\"events\": [" + event + "]}");
        Path resultBundle = dir.resolve("results.jose");

        Run packed = runJar(BRIDGE_JAR, "pack", "--outbox", outbox.toString(),
                "--analyst-keys", analystKeys.toString(), "--out", resultBundle.toString());
        assertEquals(0, packed.status(), packed.err());
        assertTrue(packed.out().contains("with 3 lines from 3 files"), packed.out());
        Bundle results = BundleFormat.read(Files.readString(resultBundle), BundleFormat.RESULTS,
                analystSide.toPublicJWKSet(), List.of());
        List<String> lines = results.lines();
        assertEquals(3, lines.size(), lines::toString);
        // The outbox is packed in file name order: the acknowledgements, then the result file.
        assertEquals(Stream.of(first, second).sorted().map(id -> "{\"acknowledge\":\"" + id + "\"}").toList(),
                lines.subList(0, 2));
        assertEquals(object(event), object(lines.get(2)));
        try (Stream<Path> left = Files.list(outbox)) {
            assertEquals(List.of(outbox.resolve("done")), left.toList());
        }
    }

    @Test
    void analystBridgeAloneRefusesABundleSignedByAnotherKey() throws Exception {
        ECKey signer = new ECKeyGenerator(Curve.P_256).keyID("test-someone-else").generate();
        ECKey expected = new ECKeyGenerator(Curve.P_256).keyID("test-service-bundles").generate();
        Path serviceKeys = write("service-public.jwks", new JWKSet(expected.toPublicJWK()).toString());
        Path analystKeys = write("analyst-private.jwks", new JWKSet(new ECKeyGenerator(Curve.P_256)
                .keyID("test-analysts-sig").keyUse(KeyUse.SIGNATURE).generate()).toString(false));
        Path bundle = write("packages.jose", BundleFormat.write(BundleFormat.PACKAGES,
                List.of(packageLine(UUID.randomUUID().toString())), signer, null).file());
        Path inbox = dir.resolve("inbox");

        Run run = runJar(BRIDGE_JAR, "unpack", "--bundle", bundle.toString(), "--service-keys", serviceKeys.toString(),
                "--analyst-keys", analystKeys.toString(), "--inbox", inbox.toString(),
                "--outbox", dir.resolve("outbox").toString());

        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().startsWith("analyst-bridge unpack: packages.jose was refused: the bundle's signature"),
                run.err());
        assertFalse(Files.exists(inbox));
    }

    @Test
    void analystBridgeWithoutArgumentsPrintsUsageAndExitsWithTwo() throws Exception {
        Run run = runJar(BRIDGE_JAR);

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("usage: analyst-bridge <command>"), run.err());
    }

    // --- report-remove-audit-verify.jar: the chain, straight in the database --------------------------------------

    @Test
    void auditVerifierAloneFindsASealedChainIntactAndThenACutTailAgainstACheckpointAndAnAlteredRow()
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
        H2AuditTrail.migrate(url);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(3, H2AuditTrail.writeAndSeal(connection, "shipped-jars-it", 3));
        }
        H2AuditTrail.Checkpoint checkpoint = H2AuditTrail.checkpoint(url, dir);

        Run intact = runJar(AUDIT_VERIFY_JAR, "--url", url, "--user", "sa", "--checkpoint",
                checkpoint.file().toString(), "--jwks", checkpoint.jwks().toString());
        assertEquals(0, intact.status(), intact.err());
        assertEquals(List.of("links verified: 3", "checkpoint: seal 3 of " + checkpoint.at(),
                "rows unsealed for over 60 s: 0", "rows out of time order: 0", "audit chain intact"),
                intact.out().lines().toList());

        H2AuditTrail.cutTheLastRowAndRollTheHeadBack(url);
        Run cut = runJar(AUDIT_VERIFY_JAR, "--url", url, "--user", "sa", "--checkpoint",
                checkpoint.file().toString(), "--jwks", checkpoint.jwks().toString());
        assertEquals(1, cut.status(), cut.err());
        assertEquals(List.of("links verified: 2", "checkpoint: seal 3 of " + checkpoint.at(),
                "first broken link: seal 3: CHECKPOINT_NOT_REACHED", "rows unsealed for over 60 s: 0",
                "rows out of time order: 0", "audit chain NOT intact"), cut.out().lines().toList());

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE audit_event SET action = 'DATA_PURGED' WHERE id = 2"));
        }
        Run altered = runJar(AUDIT_VERIFY_JAR, "--url", url, "--user", "sa");
        assertEquals(1, altered.status(), altered.err());
        assertEquals(List.of("links verified: 1", "first broken link: seal 2 (audit row 2): ROW_ALTERED",
                "rows unsealed for over 60 s: 0", "rows out of time order: 0", "audit chain NOT intact"),
                altered.out().lines().toList());
    }

    // --- report-remove-keys.jar: every key, read back as the service reads it ---------------------------------------

    @Test
    void keysCommandAloneMakesEveryKeyInTheFormTheServiceReadsInProduction() throws Exception {
        List<String> commands = List.of(
                "token-signing --out token-signing.jwks",
                "encryption --out keyset.json",
                "bundle-signing --out bundle-signing.jwks",
                "analyst-side --out analysts-bundle.jwks --public analysts-bundle-public.jwks",
                "client --id helpline --out helpline-client-private.jwks --public helpline-client.jwks",
                "webhook-secret --out helpline-webhook-secret");
        for (String command : commands) {
            Run run = runJar(KEYS_JAR, command.split(" "));
            assertEquals(0, run.status(), command + ": " + run.err());
        }
        for (String file : List.of("token-signing.jwks", "keyset.json", "bundle-signing.jwks", "analysts-bundle.jwks",
                "helpline-client-private.jwks", "helpline-webhook-secret")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))),
                    file + " must be readable by its owner only");
        }

        Map<String, String> settings = new HashMap<>(Map.of(
                "reportremove.mode", "production",
                "reportremove.tokens.signing-jwks-file", dir.resolve("token-signing.jwks").toString(),
                "reportremove.encryption.keyset-file", dir.resolve("keyset.json").toString(),
                "reportremove.analysts.bundles.signing-jwks-file", dir.resolve("bundle-signing.jwks").toString(),
                "reportremove.analysts.bundles.analyst-jwks-file",
                dir.resolve("analysts-bundle-public.jwks").toString(),
                "reportremove.clients", "helpline",
                "reportremove.client.helpline.roles", "counsellor",
                "reportremove.client.helpline.jwks-file", dir.resolve("helpline-client.jwks").toString()));
        MapConfig config = new MapConfig(settings);
        assertTrue(TokenSigningKeys.read(config).active().getKeyID().startsWith("token-"));
        String note = "a note";
        assertEquals(note, new Sealer(EncryptionKeys.load(config)).open(
                new Sealer(EncryptionKeys.load(config)).seal(note, "owner"), "owner"));
        BundleKeys bundleKeys = new BundleKeys();
        bundleKeys.load(config);
        assertTrue(bundleKeys.exportAllowed(), "the analyst side's public file carries its encryption key");
        PartnerClients.Client helpline = PartnerClients.read(config).get("helpline");
        assertTrue(Files.readString(dir.resolve("helpline-webhook-secret")).matches("whsec_[A-Za-z0-9+/]{43}=\\n"));

        Run assertion = runJar(KEYS_JAR, "assertion", "--id", "helpline", "--key",
                dir.resolve("helpline-client-private.jwks").toString());
        assertEquals(0, assertion.status(), assertion.err());
        SignedJWT jwt = SignedJWT.parse(assertion.out().strip());
        assertTrue(jwt.verify(new ECDSAVerifier((ECKey) helpline.keys().getKeyByKeyId(jwt.getHeader().getKeyID()))));
        assertEquals("helpline", jwt.getJWTClaimsSet().getSubject());
    }

    @Test
    void keysJarHoldsTheCommandAndNothingElseOfTheService() throws Exception {
        try (JarFile jar = new JarFile(jar(KEYS_JAR).toFile())) {
            List<String> strays = jar.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("org/reportremove/") && !name.endsWith("/")
                            && !name.matches("org/reportremove/platform/keys/[^/]+\\.class"))
                    .toList();
            assertEquals(List.of(), strays);
        }
        Run usage = runJar(KEYS_JAR);
        assertEquals(2, usage.status());
        assertTrue(usage.err().startsWith("usage: report-remove-keys <command>"), usage.err());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Path jar(String name) {
        Path jar = Path.of(System.getProperty("reportremove.jars.dir", "target"), name).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: the shipped jars are built at package, before this test runs (mvn verify)");
        }
        return jar;
    }

    /** A class loader holding the jar alone: the JDK's platform classes, but not the application class path. */
    private static URLClassLoader isolated(String name) throws IOException {
        return new URLClassLoader(new URL[]{jar(name).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    private record Run(int status, String out, String err) {
    }

    /**
     * {@code java -jar} with the JDK running this test and none of the settings that could add to the class path
     * or point the commands at another database.
     */
    private Run runJar(String name, String... args) throws IOException, InterruptedException {
        Path jar = jar(name);
        // Manifest Class-Path entries would load more than the jar: none may be declared.
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertNull(manifest.getMainAttributes().getValue("Class-Path"), name + " declares a Class-Path");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-Djava.awt.headless=true", "-jar", jar.toString()));
        command.addAll(List.of(args));
        String id = UUID.randomUUID().toString();
        Path out = dir.resolve(".out-" + id);
        Path err = dir.resolve(".err-" + id);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        for (String variable : List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS",
                "REPORTREMOVE_DATASOURCE_URL", "REPORTREMOVE_DATASOURCE_USER", "REPORTREMOVE_DATASOURCE_PASSWORD")) {
            builder.environment().remove(variable);
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + " did not finish within 60 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String packageLine(String packageId) {
        return "{\"schemaVersion\":1,\"packageId\":\"" + packageId + "\",\"type\":\"CASE_SUBMITTED\","
                + "\"analystReference\":\"AR-7K3P-9QX2-M4TD-Q8RW\",\"hour\":\"2025-05-01T14:00Z\"}";
    }

    private static JsonArray array(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    private static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject signal(JsonObject item, String type) {
        return item.getJsonArray("signals").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("type").equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " signal in " + item));
    }

    private static Path referenceDir() {
        Path dir = Path.of(System.getProperty("pdq.reference.dir", "../shared/pdq-reference"));
        if (!Files.isRegularFile(dir.resolve("expected.tsv"))) {
            fail("PDQ conformance set missing: expected " + dir.toAbsolutePath().resolve("expected.tsv")
                    + " (set -Dpdq.reference.dir to the pdq-reference folder)");
        }
        return dir;
    }

    private static Path referenceImage(String name) {
        return referenceDir().resolve("images").resolve(name);
    }

    /** The row of {@code expected.tsv} for an image: file, pdq_hex, quality, then the dihedral hashes. */
    private static String[] expectedRow(String image) throws IOException {
        for (String line : Files.readAllLines(referenceDir().resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            String[] row = line.split("\t");
            if (row[0].equals(image)) {
                return row;
            }
        }
        throw new AssertionError(image + " is not in expected.tsv");
    }

    private static String hex(String algorithm, byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    /** Decoded 8-bit samples, rows top to bottom, as the core's {@code PixelFormat} lays them out. */
    private record Pixels(byte[] samples, int width, int height, String format) {

        static Pixels of(Path image) throws IOException {
            BufferedImage decoded = ImageIO.read(image.toFile());
            Raster raster = decoded.getRaster();
            int bands = raster.getNumBands();
            String format = switch (bands) {
                case 1 -> "GREY";
                case 3 -> "RGB";
                case 4 -> "RGBA";
                default -> throw new AssertionError(image + " has " + bands + " bands");
            };
            if (decoded.getColorModel().getComponentSize(0) != 8 || decoded.getColorModel().hasAlpha() != (bands == 4)) {
                throw new AssertionError(image + " is not plain 8-bit grey, RGB or RGBA");
            }
            int[] samples = raster.getPixels(0, 0, decoded.getWidth(), decoded.getHeight(), (int[]) null);
            byte[] bytes = new byte[samples.length];
            for (int i = 0; i < samples.length; i++) {
                bytes[i] = (byte) samples[i];
            }
            return new Pixels(bytes, decoded.getWidth(), decoded.getHeight(), format);
        }
    }
}
