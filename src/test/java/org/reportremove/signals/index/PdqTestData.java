package org.reportremove.signals.index;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Banks of PDQ values as the tests need them, and the brute-force answer every index answer is checked against. */
public final class PdqTestData {

    private PdqTestData() {
    }

    public static long[] uniform(SplittableRandom random, int count) {
        long[] words = new long[count * 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong();
        }
        return words;
    }

    /**
     * Near-duplicate groups of 2 to 100 values within 0 to 20 bits of a centre, the centres drawn with skewed bit
     * frequencies: bits 0 to 63 are set 85% of the time (one word's worth, so without the index's bit permutation
     * they would crowd into the same chunks), the others with a probability of their own between 30% and 70%.
     */
    public static long[] clustered(SplittableRandom random, int count) {
        double[] ones = new double[256];
        for (int bit = 0; bit < 256; bit++) {
            ones[bit] = bit < 64 ? 0.85 : 0.3 + 0.4 * random.nextDouble();
        }
        long[] words = new long[count * 4];
        long[] centre = new long[4];
        int at = 0;
        while (at < count) {
            for (int bit = 0; bit < 256; bit++) {
                setBit(centre, 0, bit, random.nextDouble() < ones[bit]);
            }
            int group = Math.min(count - at, 2 + random.nextInt(99));
            for (int member = 0; member < group; member++, at++) {
                System.arraycopy(centre, 0, words, at * 4, 4);
                flipRandomBits(random, words, at * 4, random.nextInt(21));
            }
        }
        return words;
    }

    /** A copy of value {@code index} of {@code bank} with exactly {@code flips} distinct random bits flipped. */
    public static long[] near(SplittableRandom random, long[] bank, int index, int flips) {
        long[] value = new long[4];
        System.arraycopy(bank, index * 4, value, 0, 4);
        flipRandomBits(random, value, 0, flips);
        return value;
    }

    /** Flips exactly {@code flips} distinct random bits of the value at {@code offset}. */
    public static void flipRandomBits(SplittableRandom random, long[] words, int offset, int flips) {
        Set<Integer> flipped = new HashSet<>();
        while (flipped.size() < flips) {
            flipped.add(random.nextInt(256));
        }
        for (int bit : flipped) {
            words[offset + (bit >>> 6)] ^= 1L << (bit & 63);
        }
    }

    /** The realistic query mix: half near a bank value (0 to 31 bits flipped), half anywhere. */
    public static long[] query(SplittableRandom random, long[] bank) {
        int count = bank.length / 4;
        if (count > 0 && random.nextBoolean()) {
            return near(random, bank, random.nextInt(count), random.nextInt(32));
        }
        return uniform(random, 1);
    }

    /** Every distinct bank value within {@code radius} of any query, with its distance to the nearest query. */
    public static Set<PdqMatch> bruteForce(List<long[]> bank, long[] queries, int radius) {
        Map<List<Long>, Integer> nearest = new HashMap<>();
        for (long[] words : bank) {
            for (int i = 0; i < words.length / 4; i++) {
                for (int q = 0; q < queries.length / 4; q++) {
                    int distance = HashWords.pdqDistance(words, i * 4, queries, q * 4);
                    if (distance <= radius) {
                        nearest.merge(List.of(words[i * 4], words[i * 4 + 1], words[i * 4 + 2], words[i * 4 + 3]),
                                distance, Math::min);
                    }
                }
            }
        }
        Set<PdqMatch> matches = new HashSet<>();
        nearest.forEach((v, d) -> matches.add(new PdqMatch(v.get(0), v.get(1), v.get(2), v.get(3), d)));
        return matches;
    }

    public static void setBit(long[] words, int offset, int bit, boolean set) {
        long mask = 1L << (bit & 63);
        if (set) {
            words[offset + (bit >>> 6)] |= mask;
        } else {
            words[offset + (bit >>> 6)] &= ~mask;
        }
    }
}
