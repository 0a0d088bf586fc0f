package org.reportremove.signals.hashing;

import java.util.Locale;

/**
 * The textual form of hash values, shared by the hashing library and the service's signal
 * validation so that both sides accept and print exactly the same strings: lower-case
 * hexadecimal of a fixed length. Upper case is accepted on input and normalised.
 *
 * <p>Error messages name what was wrong but never repeat the value: a hash of a young person's
 * image must not end up in a log line through an exception message.
 */
public final class SignalValues {

    /** Hex length of a SHA-256 value (32 bytes). */
    public static final int SHA256_HEX_LENGTH = 64;
    /** Hex length of an MD5 value (16 bytes). */
    public static final int MD5_HEX_LENGTH = 32;
    /** Hex length of a PDQ value (256 bits). */
    public static final int PDQ_HEX_LENGTH = 64;

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private SignalValues() {
    }

    /**
     * Checks that {@code value} is exactly {@code hexLength} hexadecimal characters and returns it
     * in lower case.
     *
     * @param what names the value in the error message, for example "PDQ value"
     * @throws IllegalArgumentException if the value is null, of another length, or not hexadecimal;
     *     the message does not contain the value
     */
    public static String normaliseHex(String value, int hexLength, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() != hexLength) {
            throw new IllegalArgumentException(
                    what + " must be " + hexLength + " hexadecimal characters, got " + value.length());
        }
        for (int i = 0; i < hexLength; i++) {
            if (Character.digit(value.charAt(i), 16) < 0 || value.charAt(i) > 'f') {
                throw new IllegalArgumentException(
                        what + " must contain only hexadecimal characters 0-9 and a-f");
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * Number of differing bits between two hex values of the same length (for PDQ, a distance of
     * 31 or less is the usual match threshold).
     *
     * @throws IllegalArgumentException if either is not hexadecimal or the lengths differ
     */
    public static int hammingDistance(String hexA, String hexB) {
        if (hexA == null || hexB == null) {
            throw new IllegalArgumentException("both values are required for a Hamming distance");
        }
        if (hexA.length() != hexB.length()) {
            throw new IllegalArgumentException("values of different lengths have no Hamming distance");
        }
        int distance = 0;
        for (int i = 0; i < hexA.length(); i++) {
            distance += Integer.bitCount(nibble(hexA.charAt(i)) ^ nibble(hexB.charAt(i)));
        }
        return distance;
    }

    /** Lower-case hex of the given bytes (the digest form used for SHA-256 and MD5). */
    public static String toHex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    static char hexDigit(int nibble) {
        return HEX_DIGITS[nibble & 0xf];
    }

    static int nibble(char c) {
        int digit = c > 'f' ? -1 : Character.digit(c, 16);
        if (digit < 0) {
            throw new IllegalArgumentException("value must contain only hexadecimal characters 0-9 and a-f");
        }
        return digit;
    }
}
