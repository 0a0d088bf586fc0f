package org.reportremove.platform.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    @Test
    void aRangeHoldsTheAddressesThatShareItsPrefix() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("10.244.0.0/16", "192.168.7.9", "172.16.0.0/12"));
        assertTrue(proxies.contains("10.244.0.1"));
        assertTrue(proxies.contains("10.244.255.254"));
        assertFalse(proxies.contains("10.245.0.1"));
        assertTrue(proxies.contains("192.168.7.9"), "a single address");
        assertFalse(proxies.contains("192.168.7.10"));
        assertTrue(proxies.contains("172.31.255.255"), "a prefix that ends inside a byte");
        assertFalse(proxies.contains("172.32.0.0"));
        assertTrue(proxies.contains("::ffff:10.244.3.4"), "an IPv4 address written as IPv6");
    }

    @Test
    void ipv6RangesAndAddressesWithBracketsOrAZoneMatch() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("fd00::/8", "2001:db8::7"));
        assertTrue(proxies.contains("fd12:3456::1"));
        assertTrue(proxies.contains("[fd00::1]"));
        assertTrue(proxies.contains("fd00::1%eth0"));
        assertFalse(proxies.contains("fe80::1"));
        assertTrue(proxies.contains("2001:0db8:0:0:0:0:0:7"), "another way of writing the same address");
        assertFalse(proxies.contains("10.0.0.1"), "an IPv4 address is in no IPv6 range");
    }

    @Test
    void theEdgesOfThePrefixLengthHoldEverythingOrOneAddress() {
        assertTrue(TrustedProxies.parse(List.of("0.0.0.0/0")).contains("203.0.113.5"));
        assertFalse(TrustedProxies.parse(List.of("0.0.0.0/0")).contains("2001:db8::1"));
        assertTrue(TrustedProxies.parse(List.of("203.0.113.5/32")).contains("203.0.113.5"));
        assertFalse(TrustedProxies.parse(List.of("203.0.113.5/32")).contains("203.0.113.4"));
        assertTrue(TrustedProxies.parse(List.of("::/0")).contains("2001:db8::1"));
    }

    @Test
    void whatAClientWritesInAForwardedHopIsNeverTrustedUnlessItIsAnAddressInARange() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8"));
        for (String hop : List.of("", "unknown", "localhost", "10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.1/8",
                "10.0.0.1:8080", "example.org", ":::", "fd00::g", "10.0.0.1 10.0.0.2")) {
            assertFalse(proxies.contains(hop), hop);
        }
        assertFalse(proxies.contains(null));
        assertFalse(TrustedProxies.parse(List.of()).contains("10.0.0.1"));
    }

    @Test
    void anEntryThatIsNeitherAnAddressNorARangeIsRefusedByName() {
        for (String entry : List.of("proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0.0/-1",
                "10.0.0.0/8/8", "300.1.1.1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TrustedProxies.parse(List.of("10.1.1.1", entry)));
            assertTrue(refused.getMessage().contains("'" + entry + "'"), refused.getMessage());
        }
        assertTrue(TrustedProxies.parse(List.of(" 10.1.1.1 ", "")).contains("10.1.1.1"), "spaces and blanks pass");
    }
}
