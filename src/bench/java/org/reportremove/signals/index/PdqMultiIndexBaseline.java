package org.reportremove.signals.index;

import java.util.Arrays;

/**
 * The layout of {@link PdqMultiIndex} before single-entry slots and aligned values (an offsets array and an id
 * array per table), kept in the benchmark sources so that {@link PdqLookupWork} can compare both in one run.
 */
final class PdqMultiIndexBaseline {

    private static final int MIN_KEY_BITS = 8;
    private static final int MAX_KEY_BITS = 24;

    private final int count;
    private final int[] chunkStart;
    private final int[] keyBits;
    private final BitPermutation permutation;
    /** Permuted values, 4 words each, sorted by the key of table 0. */
    private final long[] words;
    private final int[][] offsets;
    /** Entry ids per table; null for table 0, whose buckets are runs of {@link #words}. */
    private final int[][] ids;

    private PdqMultiIndexBaseline(int count, int[] chunkStart, int[] keyBits, BitPermutation permutation, long[] words,
            int[][] offsets, int[][] ids) {
        this.count = count;
        this.chunkStart = chunkStart;
        this.keyBits = keyBits;
        this.permutation = permutation;
        this.words = words;
        this.offsets = offsets;
        this.ids = ids;
    }

    /**
     * Builds the index over {@code count} values held as 4 words each in {@code original} (not modified).
     *
     * @param chunkCount number of chunks and tables, 1 to 32
     */
    static PdqMultiIndexBaseline build(long[] original, int count, int chunkCount) {
        if (chunkCount < 1 || chunkCount > 32) {
            throw new IllegalArgumentException("chunk count must be from 1 to 32");
        }
        if (count > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("a PDQ index holds at most " + Integer.MAX_VALUE / 4 + " values");
        }
        int[] chunkStart = new int[chunkCount];
        int[] chunkSize = new int[chunkCount];
        int[] keyBits = new int[chunkCount];
        // Keys of about log2(count) bits keep buckets near one entry; a small bank needs no 2^23-entry tables.
        int wanted = Math.max(MIN_KEY_BITS, Math.min(MAX_KEY_BITS, 32 - Integer.numberOfLeadingZeros(count)));
        for (int c = 0, start = 0; c < chunkCount; c++) {
            chunkStart[c] = start;
            chunkSize[c] = 256 / chunkCount + (c < 256 % chunkCount ? 1 : 0);
            keyBits[c] = Math.min(wanted, chunkSize[c]);
            start += chunkSize[c];
        }
        BitPermutation permutation = BitPermutation.balanced(original, count, chunkStart, chunkSize, keyBits);

        int[] keys = new int[count];
        long[] scratch = new long[4];
        for (int id = 0; id < count; id++) {
            permutation.apply(original, id * 4, scratch, 0);
            keys[id] = key(scratch, 0, chunkStart[0], keyBits[0]);
        }
        int[][] offsets = new int[chunkCount][];
        offsets[0] = bucketOffsets(keys, count, keyBits[0]);
        long[] words = new long[count * 4];
        int[] cursor = new int[(1 << keyBits[0])];
        System.arraycopy(offsets[0], 0, cursor, 0, cursor.length);
        for (int id = 0; id < count; id++) {
            permutation.apply(original, id * 4, words, cursor[keys[id]]++ * 4);
        }

        int[][] ids = new int[chunkCount][];
        for (int t = 1; t < chunkCount; t++) {
            for (int id = 0; id < count; id++) {
                keys[id] = key(words, id * 4, chunkStart[t], keyBits[t]);
            }
            offsets[t] = bucketOffsets(keys, count, keyBits[t]);
            System.arraycopy(offsets[t], 0, cursor, 0, 1 << keyBits[t]);
            int[] table = new int[count];
            for (int id = 0; id < count; id++) {
                table[cursor[keys[id]]++] = id;
            }
            ids[t] = table;
        }
        return new PdqMultiIndexBaseline(count, chunkStart, keyBits, permutation, words, offsets, ids);
    }

    int count() {
        return count;
    }

    int tables() {
        return chunkStart.length;
    }

    /** The table whose key holds bit {@code bit} of a value, or -1 for a bit that no key holds. */
    int tableOfBit(int bit) {
        int at = permutation.target(bit);
        for (int t = chunkStart.length - 1; t >= 0; t--) {
            if (at >= chunkStart[t]) {
                return at < chunkStart[t] + keyBits[t] ? t : -1;
            }
        }
        return -1;
    }

    /** Writes the original (unpermuted) value of entry {@code id} into {@code into[offset..+4)}. */
    void value(int id, long[] into, int offset) {
        permutation.invert(words, id * 4, into, offset);
    }

    /**
     * Reports every entry within {@code radius} bits of the value at {@code query[offset..+4)}, once each.
     *
     * @param radius from 0 to {@link PdqIndex#MAX_RADIUS}
     */
    void search(long[] query, int offset, int radius, PdqMultiIndex.Hits hits) {
        if (count == 0) {
            return;
        }
        long[] permuted = new long[4];
        permutation.apply(query, offset, permuted, 0);
        new Search(permuted, radius, hits).run();
    }

    /**
     * Searches as {@link #search} does and adds the work done to {@code work}: bucket probes, non-empty buckets,
     * candidates verified, candidates within the radius (each entry is met once per table that holds it in a probed
     * bucket) and hits reported. For measuring layouts; lookups do not count.
     */
    void searchCounting(long[] query, int offset, int radius, PdqMultiIndex.Hits hits, long[] work) {
        if (count == 0) {
            return;
        }
        long[] permuted = new long[4];
        permutation.apply(query, offset, permuted, 0);
        Search search = new Search(permuted, radius, hits);
        search.work = work;
        search.run();
    }

    long estimatedBytes() {
        long bytes = 16 + words.length * 8L + permutation.estimatedBytes();
        for (int t = 0; t < offsets.length; t++) {
            bytes += 16 + offsets[t].length * 4L;
            bytes += ids[t] == null ? 0 : 16 + ids[t].length * 4L;
        }
        return bytes;
    }

    /**
     * The radius each table is probed at for a query radius: {@code sum(r_i + 1) = radius + 1} spread as evenly as
     * possible, so a query at radius 31 over 11 tables probes ten at 2 and one at 1. A table given {@code -1} is
     * not probed (a small radius needs fewer tables: radius 0 needs one).
     */
    static int[] tableRadii(int tables, int radius) {
        int total = radius + 1;
        int[] radii = new int[tables];
        for (int t = 0; t < tables; t++) {
            radii[t] = total / tables + (t < total % tables ? 1 : 0) - 1;
        }
        return radii;
    }

    private static int key(long[] words, int offset, int start, int bits) {
        int shift = start & 63;
        int word = offset + (start >>> 6);
        long value = words[word] >>> shift;
        if (shift + bits > 64) {
            value |= words[word + 1] << (64 - shift);
        }
        return (int) (value & ((1L << bits) - 1));
    }

    private static int[] bucketOffsets(int[] keys, int count, int bits) {
        int[] offsets = new int[(1 << bits) + 1];
        for (int i = 0; i < count; i++) {
            offsets[keys[i] + 1]++;
        }
        for (int k = 0; k < offsets.length - 1; k++) {
            offsets[k + 1] += offsets[k];
        }
        return offsets;
    }


    /** One query's state while its tables are probed. */
    private final class Search {

        private final long q0;
        private final long q1;
        private final long q2;
        private final long q3;
        private final int radius;
        private final int[] radii;
        private final int[] queryKeys;
        private final PdqMultiIndex.Hits hits;
        private int[] probes = new int[512];
        private int probeCount;
        private int[] starts = new int[0];
        private int[] ends = new int[0];
        private int[] candidates = new int[1024];
        private long[] work;

        Search(long[] permuted, int radius, PdqMultiIndex.Hits hits) {
            this.q0 = permuted[0];
            this.q1 = permuted[1];
            this.q2 = permuted[2];
            this.q3 = permuted[3];
            this.radius = radius;
            this.radii = tableRadii(chunkStart.length, radius);
            this.queryKeys = new int[chunkStart.length];
            for (int t = 0; t < queryKeys.length; t++) {
                queryKeys[t] = key(permuted, 0, chunkStart[t], keyBits[t]);
            }
            this.hits = hits;
        }

        void run() {
            for (int t = 0; t < radii.length; t++) {
                if (radii[t] >= 0) {
                    probeCount = 0;
                    enumerate(t, queryKeys[t], 0, radii[t]);
                    scan(t);
                }
            }
        }

        /** Lists every key within {@code flips} more bits of {@code key}, flipping only bits from {@code from}. */
        private void enumerate(int table, int key, int from, int flips) {
            if (probeCount == probes.length) {
                probes = Arrays.copyOf(probes, probeCount * 2);
            }
            probes[probeCount++] = key;
            if (flips > 0) {
                for (int bit = from; bit < keyBits[table]; bit++) {
                    enumerate(table, key ^ (1 << bit), bit + 1, flips - 1);
                }
            }
        }

        /**
         * Reads the table in three passes (bucket bounds, then entry ids, then values) rather than bucket by
         * bucket: nearly every load here misses the cache, and the loads within a pass do not depend on each
         * other, so the processor can keep many misses in flight instead of waiting for each chain of three.
         */
        private void scan(int table) {
            long clock = work == null ? 0 : System.nanoTime();
            int[] bounds = offsets[table];
            if (starts.length < probeCount) {
                starts = new int[probes.length];
                ends = new int[probes.length];
            }
            int total = 0;
            for (int i = 0; i < probeCount; i++) {
                int key = probes[i];
                starts[i] = bounds[key];
                ends[i] = bounds[key + 1];
                total += ends[i] - starts[i];
            }
            if (candidates.length < total) {
                candidates = new int[Math.max(total, candidates.length * 2)];
            }
            if (work != null) {
                clock = lap(5, clock);
            }
            int[] entries = ids[table];
            int found = 0;
            for (int i = 0; i < probeCount; i++) {
                for (int at = starts[i]; at < ends[i]; at++) {
                    candidates[found++] = entries == null ? at : entries[at];
                }
            }
            if (work != null) {
                clock = lap(6, clock);
            }
            int within = 0;
            int reported = 0;
            for (int c = 0; c < found; c++) {
                int base = candidates[c] * 4;
                int distance = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                        + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
                if (distance <= radius) {
                    within++;
                    if (firstTableToMeet(table, base)) {
                        reported++;
                        hits.hit(candidates[c], distance);
                    }
                }
            }
            if (work != null) {
                lap(7, clock);
                count(work, probeCount, found, within, reported);
            }
        }

        private long lap(int slot, long since) {
            long now = System.nanoTime();
            work[slot] += now - since;
            return now;
        }

        private void count(long[] work, int probed, int found, int within, int reported) {
            int nonEmpty = 0;
            for (int i = 0; i < probed; i++) {
                nonEmpty += starts[i] < ends[i] ? 1 : 0;
            }
            work[0] += probed;
            work[1] += nonEmpty;
            work[2] += found;
            work[3] += within;
            work[4] += reported;
        }

        private boolean firstTableToMeet(int table, int base) {
            for (int t = 0; t < table; t++) {
                if (radii[t] >= 0
                        && Integer.bitCount(key(words, base, chunkStart[t], keyBits[t]) ^ queryKeys[t]) <= radii[t]) {
                    return false;
                }
            }
            return true;
        }
    }
}
