package org.reportremove.platform.boot;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceMainTest {

    @Test
    void thePortIsTheOneGivenOnTheCommandLineElseTheBootDefault() {
        assertEquals(9090, ServiceMain.port(new String[]{"--nocluster", "--port", "9090"}));
        assertEquals(Integer.parseInt(System.getProperty("payaramicro.port", "8080")),
                ServiceMain.port(new String[]{"--nocluster"}));
        assertEquals(-1, ServiceMain.port(new String[]{"--port", "eighty"}));
    }

    @Test
    void aPortAnotherProcessHoldsIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(ServiceMain.portFree("127.0.0.1", taken.getLocalPort()));
        }
        assertTrue(ServiceMain.portFree("127.0.0.1", -1), "a number Payara Micro will refuse itself");
    }
}
