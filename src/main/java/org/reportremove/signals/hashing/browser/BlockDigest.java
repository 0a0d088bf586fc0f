package org.reportremove.signals.hashing.browser;

/**
 * What SHA-256 and MD5 share: feeding 64-byte blocks, the padding with the message length in bits at the end,
 * reading a block's words and writing the state out, each in the digest's byte order; a digest adds its rounds.
 * The browser's Java runtime has no {@code java.security.MessageDigest}, and the browser's own digest cannot be fed
 * in slices, so the two are written out here and tested against the JDK's.
 */
abstract class BlockDigest {

    private final byte[] block = new byte[64];
    private final int[] words = new int[16];
    private final int[] initial;
    private final boolean bigEndian;
    /** The chaining state that {@link #compress} updates; the digest is its words, in the digest's byte order. */
    final int[] h;
    private int filled;
    private long length;

    /**
     * @param bigEndian how words are read from a block and written to the digest, and how the length is appended
     * @param initial   the state before the first block
     */
    BlockDigest(boolean bigEndian, int... initial) {
        this.bigEndian = bigEndian;
        this.initial = initial.clone();
        this.h = new int[initial.length];
        reset();
    }

    /** Updates {@link #h} with one block, given as its sixteen words. */
    abstract void compress(int[] words);

    final void reset() {
        filled = 0;
        length = 0;
        System.arraycopy(initial, 0, h, 0, initial.length);
    }

    final void update(byte[] bytes, int offset, int count) {
        length += count;
        int i = offset;
        int end = offset + count;
        if (filled > 0) {
            int take = Math.min(64 - filled, count);
            System.arraycopy(bytes, i, block, filled, take);
            filled += take;
            i += take;
            if (filled < 64) {
                return;
            }
            compress(block, 0);
            filled = 0;
        }
        for (; i + 64 <= end; i += 64) {
            compress(bytes, i);
        }
        filled = end - i;
        System.arraycopy(bytes, i, block, 0, filled);
    }

    final byte[] digest() {
        long bits = length * 8;
        byte[] padding = new byte[(filled < 56 ? 56 - filled : 120 - filled) + 8];
        padding[0] = (byte) 0x80;
        for (int k = 0; k < 8; k++) {
            int shift = bigEndian ? 56 - 8 * k : 8 * k;
            padding[padding.length - 8 + k] = (byte) (bits >>> shift);
        }
        update(padding, 0, padding.length);
        byte[] result = new byte[4 * h.length];
        for (int i = 0; i < h.length; i++) {
            for (int k = 0; k < 4; k++) {
                result[4 * i + k] = (byte) (h[i] >>> byteShift(k));
            }
        }
        reset();
        return result;
    }

    private void compress(byte[] bytes, int offset) {
        for (int t = 0; t < 16; t++) {
            int word = 0;
            for (int k = 0; k < 4; k++) {
                word |= (bytes[offset + 4 * t + k] & 0xff) << byteShift(k);
            }
            words[t] = word;
        }
        compress(words);
    }

    /** Where the {@code k}th byte of a word sits in it. */
    private int byteShift(int k) {
        return bigEndian ? 24 - 8 * k : 8 * k;
    }
}
