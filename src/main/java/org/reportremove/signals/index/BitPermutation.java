package org.reportremove.signals.index;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A reordering of the 256 bits of a PDQ value that spreads informative bits evenly over the chunks of a
 * {@link PdqMultiIndex}. Hamming distance does not change when both values are permuted alike, so the index may
 * store and probe permuted values. The point is bank data whose bits are not fair coins: if the skewed bits all
 * fell into one chunk, that chunk's table would hold a few huge buckets and every query would wade through them.
 *
 * <p>Bit {@code i} of a value is bit {@code i & 63} (least significant first) of word {@code i >>> 6}. Applying
 * works byte by byte through lookup tables (32 lookups of 4 words each), so permuting ten million values takes
 * about a second.
 */
final class BitPermutation {

    private static final int BITS = 256;
    private static final int SAMPLE = 1 << 18;

    private final int[] target;
    private final long[] forward;
    private final long[] inverse;

    private BitPermutation(int[] target) {
        this.target = target;
        int[] source = new int[BITS];
        for (int bit = 0; bit < BITS; bit++) {
            source[target[bit]] = bit;
        }
        this.forward = tables(target);
        this.inverse = tables(source);
    }

    /**
     * Measures how often each bit is set (on a sample of at most 2^18 values), then deals bits out from the most
     * to the least informative, each to the chunk whose key bits carry the least entropy so far. Key bits are the
     * first {@code keyBits[c]} positions of chunk {@code c}; once all are dealt, the rest fill the chunks' tails,
     * which the tables do not index.
     */
    static BitPermutation balanced(long[] words, int count, int[] chunkStart, int[] chunkSize, int[] keyBits) {
        double[] entropy = entropyPerBit(words, count);
        Integer[] byEntropy = IntStream.range(0, BITS).boxed().toArray(Integer[]::new);
        Arrays.sort(byEntropy, Comparator.comparingDouble((Integer bit) -> -entropy[bit]));
        int chunks = chunkStart.length;
        int[] filled = new int[chunks];
        double[] keyEntropy = new double[chunks];
        int[] target = new int[BITS];
        for (int bit : byEntropy) {
            int chosen = -1;
            for (int c = 0; c < chunks; c++) {
                if (filled[c] < keyBits[c] && (chosen < 0 || keyEntropy[c] < keyEntropy[chosen])) {
                    chosen = c;
                }
            }
            if (chosen >= 0) {
                keyEntropy[chosen] += entropy[bit];
            } else {
                for (int c = 0; c < chunks && chosen < 0; c++) {
                    if (filled[c] < chunkSize[c]) {
                        chosen = c;
                    }
                }
            }
            target[bit] = chunkStart[chosen] + filled[chosen]++;
        }
        return new BitPermutation(target);
    }

    /** Writes the permuted form of the value at {@code from[fromOffset..+4)} into {@code to[toOffset..+4)}. */
    void apply(long[] from, int fromOffset, long[] to, int toOffset) {
        permute(forward, from, fromOffset, to, toOffset);
    }

    /** Undoes {@link #apply}. */
    void invert(long[] from, int fromOffset, long[] to, int toOffset) {
        permute(inverse, from, fromOffset, to, toOffset);
    }

    /** Where bit {@code bit} of a value goes. */
    int target(int bit) {
        return target[bit];
    }

    long estimatedBytes() {
        return 2L * (16 + forward.length * 8L);
    }

    private static void permute(long[] table, long[] from, int fromOffset, long[] to, int toOffset) {
        long w0 = 0;
        long w1 = 0;
        long w2 = 0;
        long w3 = 0;
        for (int b = 0; b < 32; b++) {
            int value = (int) (from[fromOffset + (b >>> 3)] >>> ((b & 7) * 8)) & 0xff;
            int at = ((b << 8) | value) << 2;
            w0 |= table[at];
            w1 |= table[at + 1];
            w2 |= table[at + 2];
            w3 |= table[at + 3];
        }
        to[toOffset] = w0;
        to[toOffset + 1] = w1;
        to[toOffset + 2] = w2;
        to[toOffset + 3] = w3;
    }

    /** For each byte position and byte value, the 4 words its set bits become. */
    private static long[] tables(int[] target) {
        long[] table = new long[32 * 256 * 4];
        for (int b = 0; b < 32; b++) {
            for (int value = 0; value < 256; value++) {
                int at = ((b << 8) | value) << 2;
                for (int k = 0; k < 8; k++) {
                    if ((value >>> k & 1) != 0) {
                        int to = target[b * 8 + k];
                        table[at + (to >>> 6)] |= 1L << (to & 63);
                    }
                }
            }
        }
        return table;
    }

    private static double[] entropyPerBit(long[] words, int count) {
        long[] ones = new long[BITS];
        int step = Math.max(1, count / SAMPLE);
        long sampled = 0;
        for (int i = 0; i < count; i += step) {
            sampled++;
            for (int w = 0; w < 4; w++) {
                long word = words[i * 4 + w];
                while (word != 0) {
                    ones[w * 64 + Long.numberOfTrailingZeros(word)]++;
                    word &= word - 1;
                }
            }
        }
        double[] entropy = new double[BITS];
        for (int bit = 0; bit < BITS; bit++) {
            double p = sampled == 0 ? 0.5 : (double) ones[bit] / sampled;
            entropy[bit] = p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
        }
        return entropy;
    }
}
