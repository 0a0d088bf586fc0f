package org.reportremove.platform.keys;

import com.google.crypto.tink.KeysetHandle;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportremove.analysts.control.BundleKeys;
import org.reportremove.auth.control.PartnerClients;
import org.reportremove.auth.control.TokenSigningKeys;
import org.reportremove.platform.crypto.EncryptionKeys;
import org.reportremove.platform.crypto.Sealer;
import org.reportremove.testing.MapConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each key the command makes, read back by the code the service reads it with, in production mode: a file the
 * service would refuse fails here. The jar itself is run by {@code ShippedJarsIT}.
 */
class KeysCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    @Test
    void tokenSigningKeysAreReadByTheServiceAndARotatedKeySignsOnlyOnceNamed() throws Exception {
        Path file = dir.resolve("token-signing.jwks");
        Run made = run("token-signing", "--out", file.toString());
        assertEquals(0, made.status(), made.err());
        assertOwnerOnly(file);

        TokenSigningKeys.Keys keys = TokenSigningKeys.read(production(Map.of(
                "reportremove.tokens.signing-jwks-file", file.toString())));
        String first = keys.active().getKeyID();
        assertTrue(first.startsWith("token-"), first);
        assertEquals(JsonWebKeys.TOKEN_RSA_BITS, keys.active().size());
        assertEquals(keys.publicSet().toString(), JWKSet.parse(made.out()).toString());
        assertFalse(made.out().contains("\"d\""), "the printed set holds no private key");

        Run rotated = run("token-signing", "--out", file.toString(), "--rotate");
        assertEquals(0, rotated.status(), rotated.err());
        assertOwnerOnly(file);
        TokenSigningKeys.Keys both = TokenSigningKeys.read(production(Map.of(
                "reportremove.tokens.signing-jwks-file", file.toString())));
        assertEquals(2, both.all().getKeys().size());
        assertEquals(first, both.active().getKeyID(), "the old key signs until the new one is named");
        String added = both.all().getKeys().get(1).getKeyID();
        assertTrue(rotated.err().contains("reportremove.tokens.active-kid=" + added), rotated.err());
        assertEquals(added, TokenSigningKeys.read(production(Map.of(
                "reportremove.tokens.signing-jwks-file", file.toString(),
                "reportremove.tokens.active-kid", added))).active().getKeyID());
    }

    @Test
    void encryptionKeysetIsReadByTheServiceAndRotatesInTwoSteps() throws Exception {
        Path file = dir.resolve("keyset.json");
        Run made = run("encryption", "--out", file.toString());
        assertEquals(0, made.status(), made.err());
        assertOwnerOnly(file);
        Map<String, String> settings = Map.of(EncryptionKeys.KEYSET_FILE, file.toString());
        KeysetHandle original = EncryptionKeys.load(production(settings));
        assertEquals(List.of(Integer.toUnsignedString(original.getPrimary().getId()) + " primary"),
                made.out().lines().toList());
        byte[] sealed = new Sealer(original).seal("a note", "owner-1");

        Run rotated = run("encryption", "--out", file.toString(), "--rotate");
        assertEquals(0, rotated.status(), rotated.err());
        KeysetHandle added = EncryptionKeys.load(production(settings));
        assertEquals(2, added.size());
        assertEquals(original.getPrimary().getId(), added.getPrimary().getId(), "a new key only decrypts at first");
        String newId = rotated.out().lines().filter(line -> !line.endsWith(" primary")).findFirst().orElseThrow();

        Run promoted = run("encryption", "--out", file.toString(), "--promote", newId);
        assertEquals(0, promoted.status(), promoted.err());
        assertOwnerOnly(file);
        KeysetHandle promotedKeyset = EncryptionKeys.load(production(settings));
        assertEquals(newId, Integer.toUnsignedString(promotedKeyset.getPrimary().getId()));
        assertEquals("a note", new Sealer(promotedKeyset).open(sealed, "owner-1"), "the old key still decrypts");
        assertNotEquals(original.getPrimary().getId(), promotedKeyset.getPrimary().getId());
    }

    @Test
    void bundleKeysOfBothSidesAreReadByTheServiceSoThatProductionExportsEncrypted() throws Exception {
        Path signing = dir.resolve("bundle-signing.jwks");
        Path analystPrivate = dir.resolve("analysts-bundle.jwks");
        Path analystPublic = dir.resolve("analysts-bundle-public.jwks");
        Run service = run("bundle-signing", "--out", signing.toString());
        Run analysts = run("analyst-side", "--out", analystPrivate.toString(), "--public", analystPublic.toString());
        assertEquals(0, service.status(), service.err());
        assertEquals(0, analysts.status(), analysts.err());
        assertOwnerOnly(signing);
        assertOwnerOnly(analystPrivate);

        BundleKeys keys = new BundleKeys();
        keys.load(production(Map.of(
                "reportremove.analysts.bundles.signing-jwks-file", signing.toString(),
                "reportremove.analysts.bundles.analyst-jwks-file", analystPublic.toString())));
        assertEquals(keys.publicSigningKeys().toString(), JWKSet.parse(service.out()).toString());
        assertTrue(keys.exportAllowed(), "the analyst side's file carries its encryption key");
        JWKSet analystKeys = JWKSet.parse(Files.readString(analystPrivate));
        ECKey encryption = (ECKey) analystKeys.getKeys().stream()
                .filter(key -> KeyUse.ENCRYPTION.equals(key.getKeyUse())).findFirst().orElseThrow();
        assertEquals(encryption.toPublicJWK(), keys.analystEncryptionKey().orElseThrow());
        assertEquals(analystKeys.toPublicJWKSet().toString(), JWKSet.parse(analysts.out()).toString());

        String oldKid = keys.signingKey().getKeyID();
        Run rotated = run("bundle-signing", "--out", signing.toString(), "--rotate");
        assertEquals(0, rotated.status(), rotated.err());
        keys.load(production(Map.of("reportremove.analysts.bundles.signing-jwks-file", signing.toString())));
        assertNotEquals(oldKid, keys.signingKey().getKeyID(), "the new key signs from the next start");
        assertEquals(List.of(keys.signingKey().getKeyID(), oldKid), JWKSet.parse(rotated.out()).getKeys().stream()
                .map(JWK::getKeyID).toList(), "the analysts get both public keys, so older bundles still verify");
    }

    @Test
    void partnerClientKeysAreReadByTheServiceAndItsAssertionVerifiesWithThem() throws Exception {
        Path privateFile = dir.resolve("helpline-client-private.jwks");
        Path publicFile = dir.resolve("helpline-client.jwks");
        Run made = run("client", "--id", "helpline", "--out", privateFile.toString(),
                "--public", publicFile.toString());
        assertEquals(0, made.status(), made.err());
        assertOwnerOnly(privateFile);
        PartnerClients.Client client = PartnerClients.read(production(Map.of(
                "reportremove.clients", "helpline",
                "reportremove.client.helpline.roles", "counsellor",
                "reportremove.client.helpline.jwks-file", publicFile.toString()))).get("helpline");

        Run assertion = run("assertion", "--id", "helpline", "--key", privateFile.toString());
        assertEquals(0, assertion.status(), assertion.err());
        SignedJWT jwt = SignedJWT.parse(assertion.out().strip());
        ECKey registered = (ECKey) client.keys().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(registered)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("helpline", claims.getIssuer());
        assertEquals("helpline", claims.getSubject());
        assertEquals(List.of("urn:reportremove:service"), claims.getAudience());
        assertEquals(ClientAssertionSigner.LIFETIME,
                Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
        assertFalse(claims.getJWTID().isBlank());

        Run rotated = run("client", "--id", "helpline", "--out", privateFile.toString(),
                "--public", publicFile.toString(), "--rotate");
        assertEquals(0, rotated.status(), rotated.err());
        JWKSet both = PartnerClients.read(production(Map.of("reportremove.clients", "helpline",
                "reportremove.client.helpline.roles", "counsellor",
                "reportremove.client.helpline.jwks-file", publicFile.toString()))).get("helpline").keys();
        assertEquals(2, both.getKeys().size());
        assertTrue(both.getKeys().contains(registered), "the old key still verifies");
    }

    @Test
    void webhookSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() throws Exception {
        Path file = dir.resolve("helpline-webhook-secret");
        Run made = run("webhook-secret", "--out", file.toString());
        assertEquals(0, made.status(), made.err());
        assertEquals("", made.out(), "a shared secret is never printed");
        assertOwnerOnly(file);
        String secret = Files.readString(file).strip();
        assertTrue(secret.startsWith("whsec_"), "whsec_ prefix");
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        Path other = dir.resolve("other-secret");
        assertEquals(0, run("webhook-secret", "--out", other.toString()).status());
        assertNotEquals(secret, Files.readString(other).strip());
    }

    @Test
    void anExistingKeyFileIsNeverOverwrittenWithoutRotate() throws Exception {
        Path file = dir.resolve("token-signing.jwks");
        assertEquals(0, run("token-signing", "--out", file.toString()).status());
        byte[] before = Files.readAllBytes(file);

        Run again = run("token-signing", "--out", file.toString());

        assertEquals(1, again.status());
        assertEquals("report-remove-keys token-signing: " + file + " exists already: pass --rotate to add a key to it",
                again.err().strip());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void rotatingAFileOfTheWrongKindChangesNothing() throws Exception {
        Path file = dir.resolve("bundle-signing.jwks");
        assertEquals(0, run("token-signing", "--out", file.toString()).status());
        byte[] before = Files.readAllBytes(file);

        Run rotated = run("bundle-signing", "--out", file.toString(), "--rotate");

        assertEquals(1, rotated.status());
        assertEquals("report-remove-keys bundle-signing: the file to rotate must hold EC P-256 private keys only",
                rotated.err().strip());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void missingOptionsAndUnknownCommandsGetTheUsageAndStatusTwo() {
        assertEquals(2, run().status());
        assertEquals(2, run("no-such-command").status());
        Run missing = run("client", "--out", dir.resolve("c.jwks").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("report-remove-keys client: --id is required\nusage:"), missing.err());
        assertFalse(Files.exists(dir.resolve("c.jwks")));
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static MapConfig production(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("reportremove.mode", "production");
        return new MapConfig(all);
    }

    private static void assertOwnerOnly(Path file) throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
}
