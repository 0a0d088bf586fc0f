package org.reportremove.signals.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalTest {

    private static final String SHA256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void upperCaseHexIsAcceptedAndStoredInLowerCase() {
        assertEquals(SHA256.toLowerCase(), Signal.exact(SignalType.SHA256, SHA256).value());
    }

    @Test
    void wrongLengthAndAlphabetAreRefusedWithoutRepeatingTheValue() {
        IllegalArgumentException shortValue = assertThrows(IllegalArgumentException.class,
                () -> Signal.exact(SignalType.MD5, "abc123"));
        assertEquals("a MD5 value must be 32 hexadecimal characters, got 6", shortValue.getMessage());
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> Signal.exact(SignalType.SHA256, "g" + SHA256.substring(1)));
        assertEquals("a SHA256 value must contain only hexadecimal characters 0-9 and a-f", notHex.getMessage());
        assertFalse(notHex.getMessage().contains(SHA256.substring(1, 10)));
    }

    @Test
    void digestsOfAnEmptyFileAndBlankPdqsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Signal.exact(SignalType.SHA256,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThrows(IllegalArgumentException.class, () -> Signal.exact(SignalType.MD5,
                "D41D8CD98F00B204E9800998ECF8427E"));
        assertEquals("is the PDQ of a blank or single-colour image, which would match far too much",
                assertThrows(IllegalArgumentException.class, () -> Signal.pdq("0".repeat(64), 90)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Signal.pdq("F".repeat(64), 90));
    }

    @Test
    void pdqNeedsAQualityFromZeroToAHundredAndOnlyPdqHasOne() {
        assertEquals("is required for a PDQ signal: a number from 0 to 100",
                assertThrows(Signal.InvalidQualityException.class, () -> new Signal(SignalType.PDQ, PDQ, null))
                        .getMessage());
        assertThrows(Signal.InvalidQualityException.class, () -> Signal.pdq(PDQ, 101));
        assertThrows(Signal.InvalidQualityException.class, () -> Signal.pdq(PDQ, -1));
        assertThrows(Signal.InvalidQualityException.class, () -> new Signal(SignalType.MD5,
                "098f6bcd4621d373cade4e832627b4f6", 50));
        assertEquals(0, Signal.pdq(PDQ, 0).quality());
    }

    @Test
    void pdqMatchesWithinThirtyOneBitsAndIsReliableFromFifty() {
        Signal signal = Signal.pdq(PDQ, 50);
        assertTrue(signal.reliable());
        assertFalse(Signal.pdq(PDQ, 49).reliable());
        assertTrue(Signal.pdq(PDQ, 49).weak());
        // Flip 31 bits (7 whole nibbles and 3 bits of another): still the same picture; 32 is not.
        String flipped31 = flip(PDQ, 7).substring(0, 7) + flipBits(PDQ.charAt(7), 3) + PDQ.substring(8);
        String flipped32 = flip(PDQ, 8);
        assertTrue(signal.matches(flipped31));
        assertFalse(signal.matches(flipped32));
    }

    private static String flip(String hex, int nibbles) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i++) {
            out.append(i < nibbles ? flipBits(hex.charAt(i), 4) : hex.charAt(i));
        }
        return out.toString();
    }

    private static char flipBits(char c, int bits) {
        return Character.forDigit(Character.digit(c, 16) ^ ((1 << bits) - 1), 16);
    }
}
