package org.reportremove.agecheck.control;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Objects;

/**
 * The configured age check provider: what the app needs to reach it, and what its attestations must say.
 *
 * @param name      the provider's name, kept with every outcome (for example {@code yoti})
 * @param issuer    the {@code iss} its attestations carry
 * @param audience  the {@code aud} they must carry: this service
 * @param startUrl  where the app sends the person to do the check
 * @param clockSkew how far the provider's clock may be from ours when checking {@code exp} and {@code iat}
 * @param claims    where the answer is in the attestation
 */
public record ProviderSettings(String name, String issuer, String audience, String startUrl, Duration clockSkew,
                               ResultClaims claims) {

    private static final String PREFIX = "reportremove.agecheck.";

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(claims, "claims");
    }

    public static ProviderSettings from(Config config) {
        return new ProviderSettings(
                value(config, "provider.name", "development"),
                value(config, "provider.issuer", "urn:reportremove:development-age-provider"),
                value(config, "audience", "report-remove"),
                value(config, "provider.start-url", "/api/v1/dev/age-provider/attestations"),
                Duration.ofSeconds(Long.parseLong(value(config, "clock-skew-seconds", "60"))),
                new ResultClaims(
                        value(config, "provider.claims.nonce", "nonce"),
                        value(config, "provider.claims.under-18", "age_under"),
                        value(config, "provider.claims.under-18-value", "18"),
                        value(config, "provider.claims.age-band", "age_band"),
                        value(config, "provider.claims.method", "method")));
    }

    private static String value(Config config, String key, String fallback) {
        return config.getOptionalValue(PREFIX + key, String.class).map(String::trim).orElse(fallback);
    }
}
