package org.reportremove.platform.configuration;

import org.eclipse.microprofile.config.Config;
import org.reportremove.testing.MapConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevelopmentOnlySettingsTest {

    private static final String KEYSET_FILE = "/run/secrets/encryption.keyset.json";
    private static final String BUNDLE_KEY = "reportremove.analysts.bundles.signing-jwks-file";
    private static final String BUNDLE_KEY_FILE = "/run/secrets/analyst-bundle-signing.jwks";

    @Test
    void embeddedDatabaseIsDevelopmentOnlyAndNamed() {
        List<String> found = DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:h2:file:./data/db/reportremove",
                "reportremove.tokens.signing-jwks", "{\"keys\": []}",
                "reportremove.encryption.keyset-file", KEYSET_FILE,
                BUNDLE_KEY, BUNDLE_KEY_FILE)));

        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("reportremove.datasource.url"), found.get(0));
    }

    @Test
    void postgresqlAndConfiguredKeysAreFitForProduction() {
        assertTrue(DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                "reportremove.encryption.keyset-file", KEYSET_FILE,
                BUNDLE_KEY, BUNDLE_KEY_FILE))).isEmpty());
    }

    @Test
    void generatedTokenSigningKeysAreDevelopmentOnly() {
        List<String> found = DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.encryption.keyset-file", KEYSET_FILE,
                BUNDLE_KEY, BUNDLE_KEY_FILE)));

        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("no token signing keys are configured"), found.get(0));
    }

    @Test
    void developmentAgeProviderIsDevelopmentOnlyAndNamed() {
        List<String> found = DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                "reportremove.encryption.keyset-file", KEYSET_FILE,
                BUNDLE_KEY, BUNDLE_KEY_FILE,
                "reportremove.agecheck.provider.development", "true")));

        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("reportremove.agecheck.provider.development"), found.get(0));
    }

    @Test
    void realAgeProviderIsFitForProduction() {
        assertTrue(DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                "reportremove.encryption.keyset-file", KEYSET_FILE,
                BUNDLE_KEY, BUNDLE_KEY_FILE,
                "reportremove.agecheck.provider.development", "false",
                "reportremove.agecheck.provider.jwks-url", "https://provider.example/jwks.json"))).isEmpty());
    }

    @Test
    void generatedEncryptionKeysetIsDevelopmentOnlyAndNamed() {
        List<String> found = DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                BUNDLE_KEY, BUNDLE_KEY_FILE)));

        assertEquals(List.of("no encryption keyset is configured, so one would be generated; set"
                + " reportremove.encryption.keyset or reportremove.encryption.keyset-file"), found);
    }

    @Test
    void inlineEncryptionKeysetIsFitForProduction() {
        assertTrue(DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                "reportremove.encryption.keyset", "{\"primaryKeyId\": 1, \"key\": []}",
                BUNDLE_KEY, BUNDLE_KEY_FILE))).isEmpty());
    }

    @Test
    void generatedAnalystBundleSigningKeyIsDevelopmentOnlyAndNamed() {
        List<String> found = DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                "reportremove.encryption.keyset-file", KEYSET_FILE)));

        assertEquals(List.of("no analyst bundle signing key is configured, so one would be generated; set"
                + " reportremove.analysts.bundles.signing-jwks or reportremove.analysts.bundles.signing-jwks-file"), found);
    }

    @Test
    void inlineAnalystBundleSigningKeyIsFitForProduction() {
        assertTrue(DevelopmentOnlySettings.foundIn(config(Map.of(
                "reportremove.datasource.url", "jdbc:postgresql://db:5432/reportremove",
                "reportremove.tokens.signing-jwks-file", "/run/secrets/token-signing.jwks",
                "reportremove.encryption.keyset-file", KEYSET_FILE,
                "reportremove.analysts.bundles.signing-jwks", "{\"keys\": []}"))).isEmpty());
    }

    @Test
    void modeIsParsedStrictly() {
        assertEquals(ServiceMode.PRODUCTION, ServiceMode.parse(" Production "));
        assertEquals(ServiceMode.DEVELOPMENT, ServiceMode.parse("development"));
        assertThrows(IllegalStateException.class, () -> ServiceMode.parse("prod"));
    }

    /** A plain map as configuration: enough for code that only reads values. */
    private static Config config(Map<String, String> values) {
        return new MapConfig(values);
    }
}
