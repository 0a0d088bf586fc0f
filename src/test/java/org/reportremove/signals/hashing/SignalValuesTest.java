package org.reportremove.signals.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalValuesTest {

    private static final String MD5_OF_ABC = "900150983cd24fb0d6963f7d28e17f72";

    @Test
    void upperCaseHexIsAcceptedAndNormalisedToLowerCase() {
        assertEquals(MD5_OF_ABC, SignalValues.normaliseHex(MD5_OF_ABC.toUpperCase(), 32, "MD5 value"));
    }

    @Test
    void wrongLengthIsRejectedNamingTheExpectedLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalValues.normaliseHex(MD5_OF_ABC + "00", 32, "MD5 value"));

        assertEquals("MD5 value must be 32 hexadecimal characters, got 34", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"900150983cd24fb0d6963f7d28e17f7g", "900150983cd24fb0d6963f7d28e17f7 ",
        "900150983cd24fb0d6963f7d28e17f7\u0661", "900150983cd24fb0d6963f7d28e17f7\uff11",
        "+00150983cd24fb0d6963f7d28e17f72"})
    void nonHexCharactersAreRejectedWithoutEchoingTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalValues.normaliseHex(value, 32, "MD5 value"));

        assertEquals("MD5 value must contain only hexadecimal characters 0-9 and a-f", e.getMessage());
        assertFalse(e.getMessage().contains("900150"));
    }

    @Test
    void missingValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalValues.normaliseHex(null, 64, "SHA-256 value"));

        assertEquals("SHA-256 value is missing", e.getMessage());
    }

    @Test
    void hammingDistanceOfHexValues() {
        assertEquals(0, SignalValues.hammingDistance(MD5_OF_ABC, MD5_OF_ABC.toUpperCase()));
        assertEquals(4, SignalValues.hammingDistance("0f", "00"));
        assertEquals(8, SignalValues.hammingDistance("ff", "00"));
        assertThrows(IllegalArgumentException.class, () -> SignalValues.hammingDistance("ff", "fff"));
        assertThrows(IllegalArgumentException.class, () -> SignalValues.hammingDistance("fg", "ff"));
    }
}
