package org.reportremove.signals.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HashWordsTest {

    @Test
    void readsAndPrintsHexWordByWord() {
        String hex = "0123456789abcdef" + "fedcba9876543210" + "0000000000000001" + "8000000000000000";

        long[] words = HashWords.fromHex(hex.toUpperCase(java.util.Locale.ROOT));

        assertArrayEquals(new long[] {0x0123456789abcdefL, 0xfedcba9876543210L, 1L, Long.MIN_VALUE}, words);
        assertEquals(hex, HashWords.toHex(words, 0, 4));
        assertEquals(1 + 1, HashWords.pdqDistance(words, 0, HashWords.fromHex(hex.replace("01" + "8", "00" + "0")), 0));
    }

    @Test
    void refusesMalformedHexWithoutRepeatingIt() {
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> HashWords.fromHex("g123456789abcdef"));
        assertFalse(notHex.getMessage().contains("g123"));
        assertThrows(IllegalArgumentException.class, () -> HashWords.fromHex("0123456789abcde\u0663"));
        assertThrows(IllegalArgumentException.class, () -> HashWords.fromHex("0123"));
        assertThrows(IllegalArgumentException.class, () -> HashWords.fromHex(""));
        assertThrows(IllegalArgumentException.class, () -> HashWords.fromHex(null));
    }
}
