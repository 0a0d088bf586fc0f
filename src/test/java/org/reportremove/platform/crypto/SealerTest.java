package org.reportremove.platform.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SealerTest {

    private static final String CASE_A = "5b0c2f8e-8a0e-4f55-9d3c-0c1f6f7d2a10";
    private static final String CASE_B = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

    @Test
    void aCiphertextOpensOnlyForItsOwnCase() throws GeneralSecurityException {
        Sealer sealer = new Sealer(EncryptionKeys.generate());
        byte[] sealed = sealer.seal("he says he will send it to my school", CASE_A);

        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("school"));
        assertEquals("he says he will send it to my school", sealer.open(sealed, CASE_A));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, CASE_B));
    }

    @Test
    void afterRotationOldCiphertextsStillOpenAndNewOnesUseTheNewKey() throws GeneralSecurityException {
        KeysetHandle before = EncryptionKeys.generate();
        byte[] old = new Sealer(before).seal("old note", CASE_A);
        KeysetHandle rotated = KeysetHandle.newBuilder(before)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        // Through configuration, as a deployment gets it.
        Sealer after = new Sealer(EncryptionKeys.parse(EncryptionKeys.serialise(rotated)));

        assertEquals("old note", after.open(old, CASE_A));
        byte[] fresh = after.seal("new note", CASE_A);
        assertThrows(IllegalStateException.class, () -> new Sealer(before).open(fresh, CASE_A),
                "the old keyset does not know the new primary key");
        assertEquals("new note", after.open(fresh, CASE_A));
    }
}
