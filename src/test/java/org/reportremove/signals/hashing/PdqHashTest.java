package org.reportremove.signals.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PdqHashTest {

    private static final String BRIDGE = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    @Test
    void hexRoundTripsAndUpperCaseIsNormalised() {
        assertEquals(BRIDGE, PdqHash.fromHex(BRIDGE).toHex());
        assertEquals(BRIDGE, PdqHash.fromHex(BRIDGE.toUpperCase()).toHex());
    }

    @Test
    void bitZeroIsTheLowestBitOfTheLastHexDigit() {
        PdqHash hash = PdqHash.fromHex("0".repeat(63) + "1");
        assertTrue(hash.bit(0));
        assertFalse(hash.bit(1));
        PdqHash top = PdqHash.fromHex("8" + "0".repeat(63));
        assertTrue(top.bit(255));
        // bit 16*i + j is DCT coefficient (i, j): the fourth-from-last hex digit holds bits 12-15
        assertTrue(PdqHash.fromHex("0".repeat(60) + "1000").bit(12));
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        PdqHash a = PdqHash.fromHex(BRIDGE);
        PdqHash b = PdqHash.fromHex("d8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22");

        assertEquals(0, a.hammingDistance(a));
        assertEquals(2, a.hammingDistance(b));
        assertEquals(256, PdqHash.zero().hammingDistance(PdqHash.fromHex("f".repeat(64))));
    }

    @Test
    void malformedHexIsRejectedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PdqHash.fromHex(BRIDGE.substring(1)));
        assertEquals("PDQ value must be 64 hexadecimal characters, got 63", e.getMessage());
        assertFalse(e.getMessage().contains(BRIDGE.substring(1, 20)));
    }

    @Test
    void toStringDoesNotPrintTheHash() {
        assertFalse(PdqHash.fromHex(BRIDGE).toString().contains("d8f8"));
    }
}
