package org.reportremove.analysts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.configuration.ServiceMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The keys of the air-gap bundles: the service's signing key (EC P-256, the first of
 * {@code reportremove.analysts.bundles.signing-jwks} or {@code -file}; generated under the data directory in
 * development mode only), and the analyst side's public keys ({@code reportremove.analysts.bundles.analyst-jwks}
 * or {@code -file}): its signing keys verify result bundles, and its {@code enc} key, when there is one, is what
 * exported bundles are encrypted to.
 */
@ApplicationScoped
public class BundleKeys {

    /** Lets production export bundles that no key encrypts; for bundles that never leave a secure room. */
    static final String ALLOW_UNENCRYPTED_EXPORT = "reportremove.analysts.bundles.allow-unencrypted-export";

    private ECKey signingKey;
    private JWKSet analystKeys;
    private boolean unencryptedExportAllowed;

    @PostConstruct
    void load() {
        load(ConfigProvider.getConfig());
    }

    /** Reads the keys from {@code config}; public so that a key file can be checked the way the service reads it. */
    public void load(Config config) {
        ServiceMode mode = ServiceMode.parse(config.getOptionalValue("reportremove.mode", String.class)
                .orElse("development"));
        unencryptedExportAllowed = mode == ServiceMode.DEVELOPMENT
                || config.getOptionalValue(ALLOW_UNENCRYPTED_EXPORT, Boolean.class).orElse(false);
        try {
            JWKSet signing = read(config, "reportremove.analysts.bundles.signing-jwks")
                    .orElseGet(() -> generatedForDevelopment(config));
            if (signing.getKeys().isEmpty() || !(signing.getKeys().get(0) instanceof ECKey ec) || !ec.isPrivate()
                    || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalStateException("The analyst bundle signing key must be an EC P-256 private key");
            }
            signingKey = ec;
            analystKeys = read(config, "reportremove.analysts.bundles.analyst-jwks").map(JWKSet::toPublicJWKSet)
                    .orElse(null);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("The analyst bundle keys could not be read: " + e.getClass().getSimpleName());
        }
    }

    public ECKey signingKey() {
        return signingKey;
    }

    /** The public half, for the analyst side to verify exported bundles with. */
    public JWKSet publicSigningKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** The analyst side's public keys, if configured. */
    public Optional<JWKSet> analystKeys() {
        return Optional.ofNullable(analystKeys);
    }

    /**
     * Whether bundles may be exported: always encrypted to the analyst side's key when it has one; without one,
     * only in development mode or with the explicit override. A bundle holds signals and places, and travels on
     * removable media: in production it must not travel in clear by accident.
     */
    public boolean exportAllowed() {
        return analystEncryptionKey().isPresent() || unencryptedExportAllowed;
    }

    /** The analyst side's encryption key, if it has one: exported bundles are then encrypted to it. */
    public Optional<ECKey> analystEncryptionKey() {
        return analystKeys().flatMap(keys -> keys.getKeys().stream()
                .filter(key -> KeyUse.ENCRYPTION.equals(key.getKeyUse()) && key instanceof ECKey)
                .map(ECKey.class::cast).findFirst());
    }

    private static Optional<JWKSet> read(Config config, String key) throws IOException, ParseException {
        Optional<String> inline = config.getOptionalValue(key, String.class);
        if (inline.isPresent()) {
            return Optional.of(JWKSet.parse(inline.get()));
        }
        Optional<String> file = config.getOptionalValue(key + "-file", String.class);
        if (file.isPresent()) {
            return Optional.of(JWKSet.parse(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    private static JWKSet generatedForDevelopment(Config config) {
        String mode = config.getOptionalValue("reportremove.mode", String.class).orElse("development");
        if (!"development".equalsIgnoreCase(mode.trim())) {
            throw new IllegalStateException("Production needs reportremove.analysts.bundles.signing-jwks or -file");
        }
        try {
            Path dir = Path.of(config.getValue("reportremove.data.dir", String.class), "keys");
            Path file = dir.resolve("analyst-bundle-signing.jwks");
            if (Files.exists(file)) {
                return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            Files.createDirectories(dir);
            JWK key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .keyID("dev-bundle-" + LocalDate.now()).generate();
            try {
                // Readable by the owner only, before the private key is written into it.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions have to do.
            }
            Files.writeString(file, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
            return new JWKSet(key);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("No analyst bundle signing key could be made: " + e.getClass().getSimpleName());
        }
    }
}
