package org.reportremove.analysts.bundle;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening an encrypted bundle across a rotation of the receiver's encryption key: the new key comes first in the
 * receiver's set, and bundles encrypted to the old key before the sender heard of the new one are still on their
 * way (on removable media, days later).
 */
class BundleFormatTest {

    private final ECKey sender = key(KeyUse.SIGNATURE, "service-1");
    private final ECKey oldKey = key(KeyUse.ENCRYPTION, "analysts-enc-1");
    private final ECKey newKey = key(KeyUse.ENCRYPTION, "analysts-enc-2");

    @Test
    void aBundleEncryptedToTheOldKeyOpensWithTheKeyItNamesThoughTheNewKeyComesFirst() throws Exception {
        String file = BundleFormat.write(BundleFormat.PACKAGES, List.of("{\"packageId\": \"p-1\"}"), sender, oldKey)
                .file();
        Bundle bundle = BundleFormat.read(file, BundleFormat.PACKAGES, senderKeys(), List.of(newKey, oldKey));
        assertEquals(List.of("{\"packageId\": \"p-1\"}"), bundle.lines());
    }

    @Test
    void aBundleWhoseKeyIdNamesNoKeyIsTriedWithEachKey() throws Exception {
        ECKey unnamed = new ECKey.Builder(oldKey).keyID(null).build();
        String file = BundleFormat.write(BundleFormat.PACKAGES, List.of("{\"packageId\": \"p-2\"}"), sender, unnamed)
                .file();
        Bundle bundle = BundleFormat.read(file, BundleFormat.PACKAGES, senderKeys(), List.of(newKey, oldKey));
        assertEquals(1, bundle.lines().size());
    }

    @Test
    void aBundleForAKeyTheReceiverDoesNotHoldIsRefusedWithAReason() throws Exception {
        String file = BundleFormat.write(BundleFormat.PACKAGES, List.of("{\"packageId\": \"p-3\"}"), sender, oldKey)
                .file();
        BundleException refused = assertThrows(BundleException.class,
                () -> BundleFormat.read(file, BundleFormat.PACKAGES, senderKeys(), List.of(newKey)));
        assertTrue(refused.getMessage().contains("cannot be decrypted"), refused.getMessage());
        BundleException noKey = assertThrows(BundleException.class,
                () -> BundleFormat.read(file, BundleFormat.PACKAGES, senderKeys(), List.of()));
        assertTrue(noKey.getMessage().contains("no decryption key"), noKey.getMessage());
    }

    private JWKSet senderKeys() {
        return new JWKSet(sender.toPublicJWK());
    }

    private static ECKey key(KeyUse use, String id) {
        try {
            ECKeyGenerator generator = new ECKeyGenerator(Curve.P_256);
            generator.keyUse(use).keyID(id);
            if (use == KeyUse.ENCRYPTION) {
                generator.algorithm(JWEAlgorithm.ECDH_ES_A256KW);
            }
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
