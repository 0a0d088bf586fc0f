package org.reportremove.agecheck.control;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import org.eclipse.microprofile.config.Config;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The provider's published keys, from its JWKS address or a file, cached and refetched once when an attestation
 * names an unknown key id (so the provider can rotate keys without us restarting).
 */
final class ProviderKeySources {

    private static final int HTTP_TIMEOUT_MILLIS = 2_000;
    private static final int MAX_JWKS_BYTES = 64 * 1024;
    private static final long CACHE_REFRESH_TIMEOUT_MILLIS = 5_000;

    private ProviderKeySources() {
    }

    /** Where the keys come from, for the startup log line: {@code url}, {@code file} or {@code none}. */
    static String kind(Config config) {
        return setting(config, "jwks-url").isPresent() ? "url" : setting(config, "jwks-file").isPresent() ? "file" : "none";
    }

    static JWKSource<SecurityContext> from(Config config) {
        Optional<String> url = setting(config, "jwks-url");
        Optional<String> file = setting(config, "jwks-file");
        try {
            if (url.isPresent()) {
                return cached(config, JWKSourceBuilder.create(new URL(url.get()),
                        new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, MAX_JWKS_BYTES)));
            }
            if (file.isPresent()) {
                ResourceRetriever retriever = new JwksFileRetriever();
                return cached(config, JWKSourceBuilder.create(Path.of(file.get()).toUri().toURL(), retriever));
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("reportremove.agecheck.provider.jwks-url is not a URL", e);
        }
        // No provider configured: every attestation is answered "provider unavailable" until one is.
        return (selector, context) -> {
            throw new KeySourceException("no age check provider keys configured");
        };
    }

    private static JWKSource<SecurityContext> cached(Config config, JWKSourceBuilder<SecurityContext> builder) {
        long cacheSeconds = config.getOptionalValue("reportremove.agecheck.provider.jwks-cache-seconds", Long.class)
                .orElse(300L);
        long refetchSeconds = config.getOptionalValue("reportremove.agecheck.provider.jwks-min-refetch-seconds",
                Long.class).orElse(30L);
        builder.cache(cacheSeconds * 1000, CACHE_REFRESH_TIMEOUT_MILLIS)
                // Refreshing ahead would need threads of its own; a refetch on an unknown key id is enough.
                .refreshAheadCache(false);
        // Attestations naming made-up key ids must not make us fetch the provider's keys on every request.
        return (refetchSeconds > 0 ? builder.rateLimited(refetchSeconds * 1000) : builder.rateLimited(false)).build();
    }

    private static Optional<String> setting(Config config, String key) {
        return config.getOptionalValue("reportremove.agecheck.provider." + key, String.class)
                .map(String::trim).filter(value -> !value.isEmpty());
    }
}
