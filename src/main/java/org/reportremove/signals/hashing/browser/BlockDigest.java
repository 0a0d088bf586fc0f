package org.reportremove.signals.hashing.browser;

/**
 * The padding and buffering that SHA-256 and MD5 share (64-byte blocks, the message length in bits at the end).
 * The browser's Java runtime has no {@code java.security.MessageDigest}, and the browser's own digest cannot be fed
 * in slices, so the two are written out here and tested against the JDK's.
 */
abstract class BlockDigest {

    private final byte[] block = new byte[64];
    private int filled;
    private long length;

    abstract void resetState();

    abstract void compress(byte[] block, int offset);

    /** Writes the final state; {@code bigEndian} says how the length is appended. */
    abstract byte[] output();

    abstract boolean bigEndian();

    final void reset() {
        filled = 0;
        length = 0;
        resetState();
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
            int shift = bigEndian() ? 56 - 8 * k : 8 * k;
            padding[padding.length - 8 + k] = (byte) (bits >>> shift);
        }
        update(padding, 0, padding.length);
        byte[] result = output();
        reset();
        return result;
    }
}
