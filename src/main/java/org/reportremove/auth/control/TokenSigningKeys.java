package org.reportremove.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The keys that sign access tokens: a JWKS of RSA private keys (2048 bits or more), each with a {@code kid}.
 * RSA rather than elliptic curves because every request verifies a token and signing happens only at sign-in:
 * RS256 verification costs a fraction of ES256's on the JVM (the profile of case submissions showed ES256
 * verification taking over 40% of the service's CPU). The active key
 * ({@code reportremove.tokens.active-kid}, or the first) signs; every key in the set verifies, so a new key
 * can be added, made active and the old one removed later without any token failing in between.
 *
 * <p>From configuration ({@code reportremove.tokens.signing-jwks}, the JSON itself, for a secret in the
 * environment; or {@code reportremove.tokens.signing-jwks-file}). In development mode with neither set, a key
 * is generated once and kept under the data directory; production refuses that.
 *
 * <p>Loaded once per process: MicroProfile JWT reads the public half through configuration
 * ({@link TokenVerificationKeySource}) before any bean exists.
 */
public final class TokenSigningKeys {

    private static final int MIN_RSA_BITS = 2048;
    private static volatile Keys loaded;

    private TokenSigningKeys() {
    }

    /** The signing keys and which of them signs. */
    public record Keys(JWKSet all, RSAKey active) {

        /** The public keys, as published at {@code /.well-known/jwks.json}. */
        public JWKSet publicSet() {
            return all.toPublicJWKSet();
        }
    }

    public static Keys load(Config config) {
        Keys keys = loaded;
        if (keys == null) {
            synchronized (TokenSigningKeys.class) {
                keys = loaded;
                if (keys == null) {
                    keys = read(config);
                    loaded = keys;
                }
            }
        }
        return keys;
    }

    /** Reads the keys afresh, without keeping them: how the service reads them, for checking a key file. */
    public static Keys read(Config config) {
        try {
            Optional<String> inline = config.getOptionalValue("reportremove.tokens.signing-jwks", String.class);
            Optional<String> file = config.getOptionalValue("reportremove.tokens.signing-jwks-file", String.class);
            if (inline.isPresent()) {
                return choose(JWKSet.parse(inline.get()), config);
            }
            if (file.isPresent()) {
                return choose(JWKSet.parse(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)), config);
            }
            return choose(generatedForDevelopment(config), config);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("The token signing keys could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static Keys choose(JWKSet set, Config config) {
        List<JWK> keys = set.getKeys();
        if (keys.isEmpty() || keys.stream().anyMatch(key -> !(key instanceof RSAKey rsa) || !rsa.isPrivate()
                || rsa.size() < MIN_RSA_BITS || key.getKeyID() == null)) {
            throw new IllegalStateException("Token signing keys must be RSA private keys of at least 2048 bits,"
                    + " each with a kid");
        }
        String activeKid = config.getOptionalValue("reportremove.tokens.active-kid", String.class)
                .orElse(keys.get(0).getKeyID());
        JWK active = set.getKeyByKeyId(activeKid);
        if (active == null) {
            throw new IllegalStateException("reportremove.tokens.active-kid names no key of the signing set");
        }
        return new Keys(set, (RSAKey) active);
    }

    private static JWKSet generatedForDevelopment(Config config) throws IOException, ParseException, JOSEException {
        String mode = config.getOptionalValue("reportremove.mode", String.class).orElse("development");
        if (!"development".equalsIgnoreCase(mode.trim())) {
            throw new IllegalStateException("Production needs reportremove.tokens.signing-jwks or -file");
        }
        Path dir = Path.of(config.getValue("reportremove.data.dir", String.class), "keys");
        Path file = dir.resolve("token-signing.jwks");
        if (Files.exists(file)) {
            return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        Files.createDirectories(dir);
        JWKSet set = new JWKSet(new RSAKeyGenerator(MIN_RSA_BITS).keyUse(KeyUse.SIGNATURE)
                .keyID("dev-" + LocalDate.now()).generate());
        try {
            // Created readable by the owner only, before the private key is written into it.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data directory's own permissions have to do.
        }
        Files.writeString(file, set.toString(false), StandardCharsets.UTF_8);
        return set;
    }
}
