package org.reportremove.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's one {@link Sealer}, over the configured keyset ({@link EncryptionKeys}).
 */
@ApplicationScoped
public class DataSealer {

    private Sealer sealer;

    @PostConstruct
    void load() {
        sealer = new Sealer(EncryptionKeys.load(ConfigProvider.getConfig()));
    }

    public byte[] seal(String plaintext, String ownerId) {
        return sealer.seal(plaintext, ownerId);
    }

    public String open(byte[] ciphertext, String ownerId) {
        return sealer.open(ciphertext, ownerId);
    }
}
