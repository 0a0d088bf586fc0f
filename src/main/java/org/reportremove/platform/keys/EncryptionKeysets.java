package org.reportremove.platform.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.security.GeneralSecurityException;

/**
 * The keyset that encrypts data at rest: Tink's JSON keyset form with AES-256-GCM keys, as
 * {@code reportremove.encryption.keyset-file} reads it. Rotation takes two steps, because with several replicas
 * a key must be known to every one of them before any encrypts with it: {@link #rotate} adds a key that only
 * decrypts, and once every replica has the new keyset, {@link #promote} makes it the one that encrypts.
 */
final class EncryptionKeysets {

    private EncryptionKeysets() {
    }

    static KeysetHandle create() throws GeneralSecurityException {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    static KeysetHandle rotate(KeysetHandle existing) throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(existing);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId().setStatus(KeyStatus.ENABLED));
        return builder.build();
    }

    static KeysetHandle promote(KeysetHandle existing, int keyId) throws GeneralSecurityException, KeysException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(existing);
        // The builder keeps the keyset's order, and only the keyset's entries tell their ids.
        for (int i = 0; i < existing.size(); i++) {
            if (existing.getAt(i).getId() == keyId) {
                builder.getAt(i).setStatus(KeyStatus.ENABLED).makePrimary();
                return builder.build();
            }
        }
        throw new KeysException("the keyset holds no key " + keyId);
    }

    static KeysetHandle parse(String json) throws GeneralSecurityException {
        AeadConfig.register();
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    static String serialise(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    /** One line per key: its id, and {@code primary} for the one that encrypts. */
    static String describe(KeysetHandle keyset) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            lines.append(Integer.toUnsignedString(entry.getId())).append(entry.isPrimary() ? " primary" : "")
                    .append('\n');
        }
        return lines.toString();
    }
}
