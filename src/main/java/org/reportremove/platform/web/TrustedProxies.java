package org.reportremove.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} the service believes, from
 * {@code reportremove.http.trusted-proxies}: single addresses ({@code 10.1.2.3}, {@code fd00::7}) or ranges in CIDR
 * notation ({@code 10.244.0.0/16}, {@code fd00::/8}), since an ingress controller's pods change address whenever
 * they are replaced. Only literal addresses are read, never names: nothing here waits for DNS, and a hop that is not
 * an address (a client can write anything there) is never a trusted proxy.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @throws IllegalArgumentException naming the first entry that is neither an address nor a range
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash)).orElseThrow(() ->
                    new IllegalArgumentException("'" + text + "' is not an IP address or a range such as"
                            + " 10.0.0.0/8"));
            int prefix = address.length * 8;
            if (slash >= 0) {
                String bits = text.substring(slash + 1);
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > prefix) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix length other than 0 to "
                            + prefix);
                }
                prefix = Integer.parseInt(bits);
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** Whether the address (as a request or a forwarded hop gives it) lies in one of the ranges. */
    public boolean contains(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = literal(address.trim());
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.holds(bytes.get()));
    }

    /** The bytes of a literal IPv4 or IPv6 address (brackets and a zone allowed), or empty for anything else. */
    static Optional<byte[]> literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = address.indexOf('%');
        if (zone >= 0 && address.contains(":")) {
            address = address.substring(0, zone);
        }
        if (IPV4.matcher(address).matches()) {
            for (String part : address.split("\\.")) {
                // A leading zero reads as octal to some and decimal to others: such an address is no address.
                if (Integer.parseInt(part) > 255 || part.length() > 1 && part.startsWith("0")) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, never looked up: the patterns above let no name through.
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The addresses whose first {@code prefix} bits are those of {@code network}. */
    private record Range(byte[] network, int prefix) {

        boolean holds(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
