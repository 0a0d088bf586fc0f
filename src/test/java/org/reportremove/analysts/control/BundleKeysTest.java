package org.reportremove.analysts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.MapConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleKeysTest {

    @Test
    void productionExportsOnlyWhenTheAnalystSideCanDecrypt() throws JOSEException {
        ECKey analystSigning = new ECKeyGenerator(Curve.P_256).keyID("sig").keyUse(KeyUse.SIGNATURE).generate();
        ECKey analystEncryption = new ECKeyGenerator(Curve.P_256).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();

        assertFalse(keys("production", null).exportAllowed(), "no analyst keys at all");
        assertFalse(keys("production", new JWKSet(analystSigning)).exportAllowed(), "a signing key encrypts nothing");
        assertTrue(keys("production", new JWKSet(List.of(analystSigning, analystEncryption))).exportAllowed());
        assertTrue(keys("development", null).exportAllowed(), "trying the service out needs no analyst side");
    }

    @Test
    void productionMayExportInClearOnlyWhenTheOperatorSaysSo() throws JOSEException {
        BundleKeys overridden = new BundleKeys();
        Map<String, String> settings = settings("production", null);
        settings.put(BundleKeys.ALLOW_UNENCRYPTED_EXPORT, "true");
        overridden.load(new MapConfig(settings));

        assertTrue(overridden.exportAllowed());
    }

    private static BundleKeys keys(String mode, JWKSet analystSide) throws JOSEException {
        BundleKeys keys = new BundleKeys();
        keys.load(new MapConfig(settings(mode, analystSide)));
        return keys;
    }

    private static Map<String, String> settings(String mode, JWKSet analystSide) throws JOSEException {
        Map<String, String> settings = new HashMap<>();
        settings.put("reportremove.mode", mode);
        settings.put("reportremove.analysts.bundles.signing-jwks",
                new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("service").generate()).toString(false));
        if (analystSide != null) {
            settings.put("reportremove.analysts.bundles.analyst-jwks", analystSide.toPublicJWKSet().toString());
        }
        return settings;
    }
}
