package org.reportremove.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address a request came from, as the rate limits count it. Behind a reverse proxy every request comes from
 * the proxy; when the direct peer is one of the configured {@code reportremove.http.trusted-proxies} (addresses or
 * ranges, see {@link TrustedProxies}), the address is the last one in {@code X-Forwarded-For} that is not itself a
 * trusted proxy.
 *
 * <p>An IPv6 client is counted by its /64 network: one subscriber's line or phone is normally given a whole /64
 * and may take any address in it, so counting single addresses would let a guesser take a fresh address for every
 * guess.
 */
public final class ClientAddress {

    static final String TRUSTED_PROXIES = "reportremove.http.trusted-proxies";
    private static final int IPV6_BYTES = 16;

    /** The setting last read and what it parsed to: it rarely changes, and parsing it for every request is waste. */
    private static volatile Parsed parsed = new Parsed(List.of(), TrustedProxies.parse(List.of()));

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return counted(address(request));
    }

    private static String address(HttpServletRequest request) {
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
     * An IPv6 address as its /64 network ({@code 2001:db8:1:2:0:0:0:0/64}), an IPv4 address (also one written as
     * IPv6, {@code ::ffff:192.0.2.1}) as itself; anything else, which no well-behaved proxy forwards, as it came.
     */
    static String counted(String address) {
        Optional<byte[]> bytes = TrustedProxies.literal(address.trim());
        if (bytes.isEmpty()) {
            return address;
        }
        byte[] network = bytes.get();
        if (network.length == IPV6_BYTES) {
            Arrays.fill(network, IPV6_BYTES / 2, IPV6_BYTES, (byte) 0);
        }
        try {
            String text = InetAddress.getByAddress(network).getHostAddress();
            return network.length == IPV6_BYTES ? text + "/64" : text;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("An address of " + network.length + " bytes", e);
        }
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
