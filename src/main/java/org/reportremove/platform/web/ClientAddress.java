package org.reportremove.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * The address a request came from, for rate limits. Behind a reverse proxy every request comes from the
 * proxy; when the direct peer is one of the configured {@code reportremove.http.trusted-proxies} (addresses or
 * ranges, see {@link TrustedProxies}), the address is the last one in {@code X-Forwarded-For} that is not itself a
 * trusted proxy.
 */
public final class ClientAddress {

    static final String TRUSTED_PROXIES = "reportremove.http.trusted-proxies";

    /** The setting last read and what it parsed to: it rarely changes, and parsing it for every request is waste. */
    private static volatile Parsed parsed = new Parsed(List.of(), TrustedProxies.parse(List.of()));

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        TrustedProxies trusted = trustedProxies();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /**
     * The configured trusted proxies.
     *
     * @throws IllegalArgumentException when an entry is neither an address nor a range (the startup checks stop
     *                                  the service with the reason before any request comes)
     */
    public static TrustedProxies trustedProxies() {
        List<String> entries = ConfigProvider.getConfig().getOptionalValues(TRUSTED_PROXIES, String.class)
                .orElse(List.of());
        Parsed last = parsed;
        if (!last.entries().equals(entries)) {
            last = new Parsed(List.copyOf(entries), TrustedProxies.parse(entries));
            parsed = last;
        }
        return last.proxies();
    }

    private record Parsed(List<String> entries, TrustedProxies proxies) {
    }
}
