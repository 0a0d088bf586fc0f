package org.reportremove.signals.hashing;

import java.util.Arrays;

/**
 * A 256-bit PDQ hash. Bit {@code k} (0..255) stands for DCT coefficient {@code (k / 16, k % 16)}
 * and is set when that coefficient is above the median. The hex form is the one every PDQ
 * implementation prints: the 256-bit number with bit 0 as its least significant bit, written
 * big-endian as 64 lower-case hex characters.
 *
 * <p>Immutable. {@link #toString()} deliberately does not print the value, so a hash cannot
 * slip into a log by accident; use {@link #toHex()}.
 */
public final class PdqHash {

    /** Bits 0-63 in {@code words[0]}, 64-127 in {@code words[1]}, and so on. */
    private final long[] words;

    private PdqHash(long[] words) {
        this.words = words;
    }

    /** The all-zero hash, given to images too small to hash. */
    public static PdqHash zero() {
        return new PdqHash(new long[4]);
    }

    /**
     * Parses the 64-character hex form (upper case accepted).
     *
     * @throws IllegalArgumentException if it is not 64 hex characters; the message omits the value
     */
    public static PdqHash fromHex(String hex) {
        String normalised = SignalValues.normaliseHex(hex, SignalValues.PDQ_HEX_LENGTH, "PDQ value");
        long[] words = new long[4];
        for (int w = 0; w < 4; w++) {
            // words[3] is printed first
            int start = (3 - w) * 16;
            words[w] = Long.parseUnsignedLong(normalised.substring(start, start + 16), 16);
        }
        return new PdqHash(words);
    }

    /** Builds a hash from 256 bits, bit {@code k} being {@code (words[k / 64] >>> (k % 64)) & 1}. */
    static PdqHash ofWords(long[] words) {
        return new PdqHash(words.clone());
    }

    /** Whether bit {@code k} (0..255) is set. */
    public boolean bit(int k) {
        if (k < 0 || k > 255) {
            throw new IndexOutOfBoundsException("PDQ bit index must be 0 to 255");
        }
        return ((words[k >>> 6] >>> (k & 63)) & 1L) != 0;
    }

    /** Number of bits that differ from {@code other} (0..256). */
    public int hammingDistance(PdqHash other) {
        int distance = 0;
        for (int i = 0; i < 4; i++) {
            distance += Long.bitCount(words[i] ^ other.words[i]);
        }
        return distance;
    }

    /** The 64-character lower-case hex form. */
    public String toHex() {
        char[] out = new char[64];
        int pos = 0;
        for (int w = 3; w >= 0; w--) {
            for (int shift = 60; shift >= 0; shift -= 4) {
                out[pos++] = SignalValues.hexDigit((int) (words[w] >>> shift));
            }
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash && Arrays.equals(words, ((PdqHash) o).words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "PdqHash[not printed]";
    }
}
