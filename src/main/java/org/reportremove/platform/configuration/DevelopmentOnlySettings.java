package org.reportremove.platform.configuration;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings that exist only for trying the service out. In production each one is a reason to refuse to
 * start: the list names them, so the operator knows what to change. Capabilities that add a development-only
 * part (generated keys, simulated providers) add its check here.
 */
public final class DevelopmentOnlySettings {

    private DevelopmentOnlySettings() {
    }

    /** The development-only settings present in this configuration, in words an operator can act on. */
    public static List<String> foundIn(Config config) {
        List<String> found = new ArrayList<>();
        String url = config.getOptionalValue("reportremove.datasource.url", String.class).orElse("");
        if (url.startsWith("jdbc:h2:")) {
            found.add("reportremove.datasource.url points at the embedded H2 database; set a jdbc:postgresql: URL");
        }
        boolean developmentAgeProvider = config.getOptionalValue("reportremove.agecheck.provider.development",
                String.class).map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        if (developmentAgeProvider) {
            found.add("reportremove.agecheck.provider.development is true: the development age check provider signs"
                    + " attestations for any age; set it to false and configure the real provider's jwks-url or jwks-file");
        }
        boolean signingKeysConfigured = config.getOptionalValue("reportremove.tokens.signing-jwks", String.class).isPresent()
                || config.getOptionalValue("reportremove.tokens.signing-jwks-file", String.class).isPresent();
        if (!signingKeysConfigured) {
            found.add("no token signing keys are configured, so they would be generated; set"
                    + " reportremove.tokens.signing-jwks or reportremove.tokens.signing-jwks-file");
        }
        boolean encryptionKeysetConfigured = config.getOptionalValue("reportremove.encryption.keyset", String.class).isPresent()
                || config.getOptionalValue("reportremove.encryption.keyset-file", String.class).isPresent();
        if (!encryptionKeysetConfigured) {
            found.add("no encryption keyset is configured, so one would be generated; set"
                    + " reportremove.encryption.keyset or reportremove.encryption.keyset-file");
        }
        boolean bundleKeyConfigured = config.getOptionalValue("reportremove.analysts.bundles.signing-jwks",
                String.class).isPresent()
                || config.getOptionalValue("reportremove.analysts.bundles.signing-jwks-file", String.class).isPresent();
        if (!bundleKeyConfigured) {
            found.add("no analyst bundle signing key is configured, so one would be generated; set"
                    + " reportremove.analysts.bundles.signing-jwks or reportremove.analysts.bundles.signing-jwks-file");
        }
        return found;
    }
}
