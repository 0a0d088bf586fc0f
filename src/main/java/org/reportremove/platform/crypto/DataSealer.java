package org.reportremove.platform.crypto;

import com.google.crypto.tink.KeysetHandle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The service's one {@link Sealer}, over the configured keyset ({@link EncryptionKeys}), and keyed digests made with
 * a key derived from it.
 */
@ApplicationScoped
public class DataSealer {

    private Sealer sealer;
    private SecretKeySpec digestKey;

    @PostConstruct
    void load() {
        KeysetHandle keyset = EncryptionKeys.load(ConfigProvider.getConfig());
        sealer = new Sealer(keyset);
        digestKey = EncryptionKeys.derivedMacKey(keyset, "keyed-digests");
    }

    public byte[] seal(String plaintext, String ownerId) {
        return sealer.seal(plaintext, ownerId);
    }

    public String open(byte[] ciphertext, String ownerId) {
        return sealer.open(ciphertext, ownerId);
    }

    /** HMAC-SHA256 of {@code value} for one {@code purpose}, in hex: an id that reveals nothing guessable. */
    public String keyedDigest(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            return HexFormat.of().formatHex(mac.doFinal((purpose + "\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
