package org.reportremove.signals.index;

import java.util.Arrays;

/**
 * The immutable main structure of a {@link PdqIndex}: multi-index hashing over PDQ values. The 256 bits (after a
 * {@link BitPermutation}) are cut into {@code m} chunks; each chunk has a table from the value of its first
 * {@code keyBits} bits (the key) to the entries holding that key. If two values differ in at most {@code r} bits
 * and chunk {@code i} is probed at radius {@code r_i} with {@code sum(r_i + 1) > r}, then some chunk differs in at
 * most {@code r_i} bits (pigeonhole), so its key does too, and probing every key within {@code r_i} bits of the
 * query's key finds the entry. Every candidate is verified on all 256 bits, so recall is exact by construction.
 *
 * <p>Nearly every read of a lookup misses the cache, so the layout is chosen to make each bucket and candidate
 * cost as few dependent misses as possible (counted per lookup by {@code PdqLookupWork} in src/bench):
 * <ul>
 *     <li>The values are stored sorted by the key of table 0, so table 0 needs no ids: {@code runs[key]..runs[key +
 *         1]} are the positions of its bucket in the value array (bounds, then values: two misses).</li>
 *     <li>Every other table has one slot per key: a bucket of one entry holds that entry's id in its slot (slot,
 *         then value: two misses, where an offsets array and an id array took three); a larger bucket's slot points
 *         into the table's list array, which holds the bucket's size and then its ids, ascending. At ten million
 *         uniform hashes (0.6 to 1.2 entries per key) a half to three quarters of the non-empty buckets hold one
 *         entry; skewed banks have fewer such buckets, and gain less.</li>
 *     <li>A bucket of {@link #DENSE} entries or more also keeps, beside each id in its list, a sketch: two words of
 *         the entry's value (the half of the 256 bits that the table's key is not in; where a key straddles the
 *         halves, the one with less of it). The distance on those 128 bits, plus that on the key bits where they
 *         lie outside the sketch, is a lower bound of the whole distance, so an entry whose bound exceeds the
 *         radius is dropped without reading its value: the bucket is read in one sequence, where each value read
 *         is a miss. Large buckets are what a bank with skewed bits has (near a common value, a
 *         clustered bank's queries meet eight times the candidates of a uniform one), and among unrelated values
 *         128 bits differ in about 50, so nearly every such candidate is dropped. A uniform bank has few buckets
 *         this large, and pays little memory for them.</li>
 *     <li>The value array starts {@link #ALIGN} words in, so that each 32-byte value lies in one 64-byte cache
 *         line rather than every other value straddling two.</li>
 * </ul>
 *
 * <p>A candidate is reported only by the first probed table in which its key lies within that table's radius:
 * every other table that meets it skips it, so each entry is reported once without any per-query set.
 */
final class PdqMultiIndex {

    private static final int MIN_KEY_BITS = 8;
    private static final int MAX_KEY_BITS = 24;
    /**
     * Words before the first value: with G1 (the default collector) a large array starts on a heap region boundary
     * and its elements 16 bytes later (the array header), so 6 words (48 bytes) put every 32-byte value within one
     * 64-byte cache line. A small array may lie anywhere; it is then in the cache anyway.
     */
    static final int ALIGN = 6;
    /** The slot of a key no entry holds; {@code ~EMPTY} is list position 0, which no bucket uses. */
    private static final int EMPTY = -1;
    /** While building: the slot of a key exactly one entry holds, before that entry's id is known. */
    private static final int SINGLE = Integer.MIN_VALUE;
    /**
     * The size from which a bucket keeps sketches: below it, reading a few values costs less than a sketch read and
     * the memory (16 bytes per entry) is not worth it.
     */
    static final int DENSE = 8;
    /** Ints per entry in a dense bucket's list: the id, then the sketch's two words as four ints, low half first. */
    private static final int STRIDE = 5;

    private final int count;
    private final int[] chunkStart;
    private final int[] keyBits;
    private final BitPermutation permutation;
    /** Permuted values, 4 words each, sorted by the key of table 0. */
    private final long[] words;
    /** Table 0: {@code runs[key]..runs[key + 1]} are the entries (positions in {@link #words}) holding the key. */
    private final int[] runs;
    /** Tables 1 and on, by key: the single entry's id, {@link #EMPTY}, or {@code ~p} for the list at {@code p}. */
    private final int[][] slots;
    /**
     * Tables 1 and on: for each bucket of two or more entries, its size followed by its ids, ascending; in a bucket
     * of {@link #DENSE} or more, each id is followed by its sketch as four ints ({@link #STRIDE} ints an entry).
     */
    private final int[][] lists;
    /** Tables 1 and on: the first of the two value words a sketch holds (0 or 2). */
    private final int[] sketchWord;
    /** Tables 1 and on: whether the key's bits lie outside the sketch, so that their distance adds to its bound. */
    private final boolean[] keyOutsideSketch;

    private PdqMultiIndex(int count, int[] chunkStart, int[] keyBits, BitPermutation permutation, long[] words,
            int[] runs, int[][] slots, int[][] lists) {
        this.count = count;
        this.chunkStart = chunkStart;
        this.keyBits = keyBits;
        this.permutation = permutation;
        this.words = words;
        this.runs = runs;
        this.slots = slots;
        this.lists = lists;
        this.sketchWord = new int[chunkStart.length];
        this.keyOutsideSketch = new boolean[chunkStart.length];
        for (int t = 0; t < chunkStart.length; t++) {
            sketchWord[t] = sketchWord(chunkStart[t], keyBits[t]);
            keyOutsideSketch[t] = chunkStart[t] + keyBits[t] <= 128 || chunkStart[t] >= 128;
        }
    }

    /** The half of the value that a sketch for a key at {@code start} holds: the one with less of the key in it. */
    private static int sketchWord(int start, int bits) {
        return start + bits / 2 < 128 ? 2 : 0;
    }

    /**
     * Builds the index over {@code count} values held as 4 words each in {@code original} (not modified).
     *
     * @param chunkCount number of chunks and tables, 1 to 32
     */
    static PdqMultiIndex build(long[] original, int count, int chunkCount) {
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
        int[] runs = bucketOffsets(keys, count, keyBits[0]);
        long[] words = new long[ALIGN + count * 4];
        int[] cursor = new int[(1 << keyBits[0])];
        System.arraycopy(runs, 0, cursor, 0, cursor.length);
        for (int id = 0; id < count; id++) {
            permutation.apply(original, id * 4, words, ALIGN + cursor[keys[id]]++ * 4);
        }

        int[][] slots = new int[chunkCount][];
        int[][] lists = new int[chunkCount][];
        for (int t = 1; t < chunkCount; t++) {
            for (int id = 0; id < count; id++) {
                keys[id] = key(words, ALIGN + id * 4, chunkStart[t], keyBits[t]);
            }
            // Table 0's key has the most bits, so its cursor array is large enough for every table.
            buildTable(keys, count, 1 << keyBits[t], cursor, words, sketchWord(chunkStart[t], keyBits[t]), slots,
                    lists, t);
        }
        return new PdqMultiIndex(count, chunkStart, keyBits, permutation, words, runs, slots, lists);
    }

    /**
     * Fills {@code slots[t]} and {@code lists[t]} from the entries' keys and the permuted values in {@code words};
     * {@code sizes} is scratch space.
     */
    private static void buildTable(int[] keys, int count, int keySpace, int[] sizes, long[] words, int sketchWord,
            int[][] slots, int[][] lists, int t) {
        Arrays.fill(sizes, 0, keySpace, 0);
        for (int id = 0; id < count; id++) {
            sizes[keys[id]]++;
        }
        int[] slot = new int[keySpace];
        long listLength = 1;
        for (int key = 0; key < keySpace; key++) {
            int size = sizes[key];
            if (size == 0) {
                slot[key] = EMPTY;
            } else if (size == 1) {
                slot[key] = SINGLE;
            } else {
                slot[key] = ~(int) Math.min(listLength, Integer.MAX_VALUE);
                listLength += 1 + (long) size * (size >= DENSE ? STRIDE : 1);
            }
        }
        if (listLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many entries in large buckets for one table");
        }
        int[] list = new int[(int) listLength];
        for (int key = 0; key < keySpace; key++) {
            if (slot[key] < EMPTY && slot[key] != SINGLE) {
                int at = ~slot[key];
                list[at] = sizes[key];
                sizes[key] = at + 1;
            }
        }
        for (int id = 0; id < count; id++) {
            int key = keys[id];
            if (slot[key] == SINGLE) {
                slot[key] = id;
            } else if (list[~slot[key]] >= DENSE) {
                int at = sizes[key];
                sizes[key] += STRIDE;
                list[at] = id;
                long low = words[ALIGN + id * 4 + sketchWord];
                long high = words[ALIGN + id * 4 + sketchWord + 1];
                list[at + 1] = (int) low;
                list[at + 2] = (int) (low >>> 32);
                list[at + 3] = (int) high;
                list[at + 4] = (int) (high >>> 32);
            } else {
                list[sizes[key]++] = id;
            }
        }
        slots[t] = slot;
        lists[t] = list;
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

    /** Where bit {@code bit} of a value lies once permuted: a sketch holds permuted bits 0 to 127 or 128 to 255. */
    int permutedBit(int bit) {
        return permutation.target(bit);
    }

    /** Writes the original (unpermuted) value of entry {@code id} into {@code into[offset..+4)}. */
    void value(int id, long[] into, int offset) {
        permutation.invert(words, ALIGN + id * 4, into, offset);
    }

    /**
     * Reports every entry within {@code radius} bits of the value at {@code query[offset..+4)}, once each.
     *
     * @param radius from 0 to {@link PdqIndex#MAX_RADIUS}
     */
    void search(long[] query, int offset, int radius, Hits hits) {
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
     * bucket), hits reported, the nanoseconds spent reading slots, lists and values, then the entries of dense
     * buckets whose sketches were compared and those of them left to verify (10 counts). For measuring layouts;
     * lookups do not count.
     */
    void searchCounting(long[] query, int offset, int radius, Hits hits, long[] work) {
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
        long bytes = 16 + words.length * 8L + permutation.estimatedBytes() + 16 + runs.length * 4L;
        for (int t = 1; t < slots.length; t++) {
            bytes += 16 + slots[t].length * 4L + 16 + lists[t].length * 4L;
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

    /** Receives the entries a search finds. */
    interface Hits {
        void hit(int id, int distance);
    }

    /** One query's state while its tables are probed. */
    private final class Search {

        private final long q0;
        private final long q1;
        private final long q2;
        private final long q3;
        private final long[] permuted;
        private final int radius;
        private final int[] radii;
        private final int[] queryKeys;
        private final Hits hits;
        private int[] probes = new int[512];
        private int probeCount;
        private int[] starts = new int[0];
        private int[] ends = new int[0];
        private int[] candidates = new int[1024];
        private long[] work;

        Search(long[] permuted, int radius, Hits hits) {
            this.q0 = permuted[0];
            this.q1 = permuted[1];
            this.q2 = permuted[2];
            this.q3 = permuted[3];
            this.permuted = permuted;
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
         * Reads the table in three passes (bucket slots, then the lists of buckets with more than one entry, then
         * values) rather than bucket by bucket: nearly every load here misses the cache, and the loads within a
         * pass do not depend on each other, so the processor can keep many misses in flight instead of waiting for
         * each chain. A bucket of one entry holds its id in its slot, so it costs two misses, not three.
         */
        private void scan(int table) {
            long clock = work == null ? 0 : System.nanoTime();
            if (starts.length < probeCount) {
                starts = new int[probes.length];
                ends = new int[probes.length];
            }
            if (candidates.length < probeCount) {
                grow(probeCount);
            }
            int found = table == 0 ? runsOfTableZero() : entriesOf(table, clock);
            if (work != null) {
                clock = lap(6, clock);
            }
            int within = 0;
            int reported = 0;
            for (int c = 0; c < found; c++) {
                int base = ALIGN + candidates[c] * 4;
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
                count(work, table, probeCount, found, within, reported);
            }
        }

        /** Table 0's buckets are runs of the value array: their positions are the entry ids. */
        private int runsOfTableZero() {
            int total = 0;
            for (int i = 0; i < probeCount; i++) {
                int key = probes[i];
                starts[i] = runs[key];
                ends[i] = runs[key + 1];
                total += ends[i] - starts[i];
            }
            if (candidates.length < total) {
                grow(total);
            }
            int found = 0;
            for (int i = 0; i < probeCount; i++) {
                for (int at = starts[i]; at < ends[i]; at++) {
                    candidates[found++] = at;
                }
            }
            return found;
        }

        private int entriesOf(int table, long clock) {
            int[] slot = slots[table];
            for (int i = 0; i < probeCount; i++) {
                starts[i] = slot[probes[i]];
            }
            if (work != null) {
                lap(5, clock);
            }
            int[] list = lists[table];
            int found = 0;
            for (int i = 0; i < probeCount; i++) {
                int entry = starts[i];
                if (entry >= 0) {
                    candidates[found++] = entry;
                } else if (entry != EMPTY) {
                    int at = ~entry;
                    int size = list[at];
                    if (found + size + probeCount - i > candidates.length) {
                        grow(found + size + probeCount - i);
                    }
                    if (size >= DENSE) {
                        found = sketched(table, at, size, probes[i], found);
                    } else {
                        for (int k = 1; k <= size; k++) {
                            candidates[found++] = list[at + k];
                        }
                    }
                }
            }
            return found;
        }

        /**
         * Adds the entries of the dense bucket at {@code at} whose sketch leaves them within reach of the radius;
         * the others differ in more bits on the sketch (and the key) alone.
         */
        private int sketched(int table, int at, int size, int probe, int found) {
            int[] list = lists[table];
            int word = sketchWord[table];
            int a = (int) permuted[word];
            int b = (int) (permuted[word] >>> 32);
            int c = (int) permuted[word + 1];
            int d = (int) (permuted[word + 1] >>> 32);
            int budget = radius - (keyOutsideSketch[table] ? Integer.bitCount(probe ^ queryKeys[table]) : 0);
            int before = found;
            for (int p = at + 1, end = at + 1 + size * STRIDE; p < end; p += STRIDE) {
                int bound = Integer.bitCount(list[p + 1] ^ a) + Integer.bitCount(list[p + 2] ^ b)
                        + Integer.bitCount(list[p + 3] ^ c) + Integer.bitCount(list[p + 4] ^ d);
                if (bound <= budget) {
                    candidates[found++] = list[p];
                }
            }
            if (work != null) {
                work[8] += size;
                work[9] += found - before;
            }
            return found;
        }

        private void grow(int needed) {
            int length = Math.max(needed, candidates.length * 2);
            candidates = Arrays.copyOf(candidates, length);
        }

        private void count(long[] work, int table, int probed, int found, int within, int reported) {
            int nonEmpty = 0;
            for (int i = 0; i < probed; i++) {
                nonEmpty += table == 0 ? (starts[i] < ends[i] ? 1 : 0) : (starts[i] != EMPTY ? 1 : 0);
            }
            work[0] += probed;
            work[1] += nonEmpty;
            work[2] += found;
            work[3] += within;
            work[4] += reported;
        }

        private long lap(int slot, long since) {
            long now = System.nanoTime();
            work[slot] += now - since;
            return now;
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
