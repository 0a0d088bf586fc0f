package org.reportremove.signals.index;

/**
 * Hash values as 64-bit words instead of hex strings: a PDQ or SHA-256 value is 4 longs, an MD5 value 2.
 * Word 0 holds the first 16 hex digits, so comparing words as unsigned numbers orders values as their hex
 * strings sort. Messages never repeat the value.
 */
public final class HashWords {

    /** Words in a PDQ (256-bit) value. */
    public static final int PDQ_WORDS = 4;
    /** Words in a SHA-256 value. */
    public static final int SHA256_WORDS = 4;
    /** Words in an MD5 value. */
    public static final int MD5_WORDS = 2;

    private HashWords() {
    }

    /** The words of a hex value whose length is a multiple of 16 (upper or lower case). */
    public static long[] fromHex(String hex) {
        long[] words = new long[checkedWordCount(hex)];
        fromHex(hex, words, 0);
        return words;
    }

    /** Writes the words of {@code hex} into {@code into} from {@code offset}. */
    public static void fromHex(String hex, long[] into, int offset) {
        int count = checkedWordCount(hex);
        for (int w = 0; w < count; w++) {
            long word = 0;
            for (int i = 0; i < 16; i++) {
                char c = hex.charAt(w * 16 + i);
                // Character.digit also reads other scripts' digits; only ASCII hex is a hash value.
                int digit = c > 'f' ? -1 : Character.digit(c, 16);
                if (digit < 0) {
                    throw new IllegalArgumentException("a hash value must contain only hexadecimal characters");
                }
                word = word << 4 | digit;
            }
            into[offset + w] = word;
        }
    }

    /** Lower-case hex of {@code count} words from {@code offset}. */
    public static String toHex(long[] words, int offset, int count) {
        StringBuilder hex = new StringBuilder(count * 16);
        for (int w = 0; w < count; w++) {
            String digits = Long.toHexString(words[offset + w]);
            hex.append("0".repeat(16 - digits.length())).append(digits);
        }
        return hex.toString();
    }

    /** Hamming distance between two PDQ values held at the given offsets. */
    static int pdqDistance(long[] a, int aOffset, long[] b, int bOffset) {
        return Long.bitCount(a[aOffset] ^ b[bOffset])
                + Long.bitCount(a[aOffset + 1] ^ b[bOffset + 1])
                + Long.bitCount(a[aOffset + 2] ^ b[bOffset + 2])
                + Long.bitCount(a[aOffset + 3] ^ b[bOffset + 3]);
    }

    private static int checkedWordCount(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() % 16 != 0) {
            throw new IllegalArgumentException("a hash value must be a non-empty multiple of 16 hex digits");
        }
        return hex.length() / 16;
    }
}
