package org.reportremove.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientAddressTest {

    @Test
    void everyAddressOfOneIpv6NetworkCountsAsTheNetwork() {
        String counted = ClientAddress.counted("2001:db8:1:2::1");

        assertEquals("2001:db8:1:2:0:0:0:0/64", counted);
        assertEquals(counted, ClientAddress.counted("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals(counted, ClientAddress.counted("[2001:DB8:1:2:0:0:0:99]"));
        assertEquals(counted, ClientAddress.counted("2001:db8:1:2::1%eth0"));
        assertNotEquals(counted, ClientAddress.counted("2001:db8:1:3::1"), "the next network is another client");
    }

    @Test
    void anIpv4AddressCountsAsItselfAlsoWhenWrittenAsIpv6() {
        assertEquals("192.0.2.1", ClientAddress.counted("192.0.2.1"));
        assertEquals("192.0.2.1", ClientAddress.counted("::ffff:192.0.2.1"));
        assertNotEquals(ClientAddress.counted("192.0.2.1"), ClientAddress.counted("192.0.2.2"));
    }

    @Test
    void whatIsNoAddressIsCountedAsItCame() {
        assertEquals("unknown", ClientAddress.counted("unknown"));
        assertEquals("2001:db8::g", ClientAddress.counted("2001:db8::g"));
    }
}
