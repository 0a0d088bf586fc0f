package org.reportremove.platform.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * The keyset that encrypts data at rest: a Tink keyset (JSON) of AES-256-GCM keys. Its primary key encrypts and
 * every key in it decrypts, so a key is rotated by adding a new one, making it primary, and removing the old
 * one only when nothing encrypted with it is left.
 *
 * <p>From configuration: {@code reportremove.encryption.keyset} (the JSON itself, for a secret in the
 * environment) or {@code reportremove.encryption.keyset-file}. In development mode with neither set, a keyset is
 * generated once and kept under the data directory; production refuses that.
 */
public final class EncryptionKeys {

    public static final String KEYSET = "reportremove.encryption.keyset";
    public static final String KEYSET_FILE = "reportremove.encryption.keyset-file";

    private EncryptionKeys() {
    }

    /** True when a keyset is configured (otherwise development mode generates one). */
    public static boolean configured(Config config) {
        return config.getOptionalValue(KEYSET, String.class).isPresent()
                || config.getOptionalValue(KEYSET_FILE, String.class).isPresent();
    }

    public static KeysetHandle load(Config config) {
        try {
            AeadConfig.register();
            Optional<String> inline = config.getOptionalValue(KEYSET, String.class);
            Optional<String> file = config.getOptionalValue(KEYSET_FILE, String.class);
            KeysetHandle keyset;
            if (inline.isPresent()) {
                keyset = parse(inline.get());
            } else if (file.isPresent()) {
                keyset = parse(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8));
            } else {
                keyset = generatedForDevelopment(config);
            }
            requireAes256Gcm(keyset);
            return keyset;
        } catch (IOException | GeneralSecurityException e) {
            // The message of a parsing failure could quote key material: name the kind of failure only.
            throw new IllegalStateException("The encryption keyset could not be read: " + e.getClass().getSimpleName());
        }
    }

    public static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    public static String serialise(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    /** A new keyset with one AES-256-GCM key. */
    public static KeysetHandle generate() throws GeneralSecurityException {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    /**
     * A key for keyed digests (HMAC-SHA256), derived from the primary key for one {@code purpose}, so that ids made
     * from guessable values (usernames, addresses) cannot be computed back without the keyset. Rotating the primary
     * key changes it: what is keyed with it (rate-limit buckets) simply starts afresh.
     */
    public static SecretKeySpec derivedMacKey(KeysetHandle keyset, String purpose) {
        try {
            byte[] primary = ((AesGcmKey) keyset.getPrimary().getKey()).getKeyBytes()
                    .toByteArray(InsecureSecretKeyAccess.get());
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(primary, "HmacSHA256"));
            return new SecretKeySpec(derive.doFinal(("reportremove:" + purpose).getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A keyed digest key could not be derived", e);
        }
    }

    private static void requireAes256Gcm(KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            if (!(keyset.getAt(i).getKey().getParameters() instanceof AesGcmParameters gcm)
                    || gcm.getKeySizeBytes() != 32) {
                throw new IllegalStateException("The encryption keyset must hold AES-256-GCM keys only");
            }
        }
    }

    private static KeysetHandle generatedForDevelopment(Config config) throws IOException, GeneralSecurityException {
        String mode = config.getOptionalValue("reportremove.mode", String.class).orElse("development");
        if (!"development".equalsIgnoreCase(mode.trim())) {
            throw new IllegalStateException("Production needs " + KEYSET + " or " + KEYSET_FILE);
        }
        Path dir = Path.of(config.getValue("reportremove.data.dir", String.class), "keys");
        Path file = dir.resolve("encryption.keyset.json");
        if (Files.exists(file)) {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        Files.createDirectories(dir);
        KeysetHandle keyset = generate();
        try {
            // Created readable by the owner only, before the keys are written into it: never a moment in which
            // another user of the machine could read them.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data directory's own permissions have to do.
        }
        Files.writeString(file, serialise(keyset), StandardCharsets.UTF_8);
        return keyset;
    }
}
