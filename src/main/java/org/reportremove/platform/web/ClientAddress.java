package org.reportremove.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Set;

/**
 * The address a request came from, for rate limits. Behind a reverse proxy every request comes from the
 * proxy; when the direct peer is one of the configured {@code reportremove.http.trusted-proxies}, the address
 * is the last one in {@code X-Forwarded-For} that is not itself a trusted proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Set<String> trusted = Set.copyOf(ConfigProvider.getConfig()
                .getOptionalValues("reportremove.http.trusted-proxies", String.class).orElse(List.of()));
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trusted.contains(peer) || forwarded == null) {
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
}
