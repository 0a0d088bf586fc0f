package org.reportremove.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts text for storage with AES-256-GCM (Tink AEAD), bound to the id of what it belongs to as associated
 * data: a ciphertext copied to another row (another case) fails to decrypt there instead of showing up as that
 * row's data.
 */
public class Sealer {

    private final Aead aead;

    public Sealer(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The encryption keyset holds no usable AEAD key", e);
        }
    }

    public byte[] seal(String plaintext, String ownerId) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ownerId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * @throws IllegalStateException when the ciphertext was altered, belongs to another owner, or was sealed with
     *                               a key no longer in the keyset
     */
    public String open(byte[] ciphertext, String ownerId) {
        try {
            return new String(aead.decrypt(ciphertext, ownerId.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored ciphertext could not be decrypted for its owner");
        }
    }
}
