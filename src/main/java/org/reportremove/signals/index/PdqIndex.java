package org.reportremove.signals.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every known PDQ value within a Hamming distance of a query, with exact recall: no bank value within the radius
 * is ever missed, whatever the data looks like. Values are held as 4 longs each ({@link HashWords}).
 *
 * <h2>How</h2>
 * Multi-index hashing ({@code PdqMultiIndex}): 11 chunks of 23 or 24 bits, each with a flat table from the
 * chunk's value to its entries; a query at radius 31 probes ten tables at radius 2 and one at radius 1
 * (pigeonhole: 10 x 3 + 2 = 32 > 31) and verifies every candidate on all 256 bits. The chunk count was chosen by
 * counting and measuring at ten million uniform hashes (one thread, CPU time, on the project's shared 2-core
 * machine):
 * <ul>
 *     <li>11 chunks: about 2,900 bucket probes and 2,900 candidates per query; 1,100 to 1,700 lookups per
 *         CPU-second, 119 bytes per hash;</li>
 *     <li>16 chunks of 16 bits at radius 1: 272 probes but 41,000 candidates (buckets of 150); 230 lookups per
 *         CPU-second;</li>
 *     <li>8 chunks of 32 bits at radius 3: 44,000 probes, into tables too sparse to be direct arrays; not
 *         built.</li>
 * </ul>
 * Nearly every probe and candidate is a cache miss, so the cost is their sum, and 11 chunks keep both small with
 * tables that fit in memory (a 24-bit table's offsets are 64 MiB). Skewed bits are spread evenly over the chunks
 * by a {@code BitPermutation}; what skew and near-duplicates remain make some buckets large, which costs time,
 * never recall. The figures at scale, beside a brute-force scan, are in docs/performance.md.
 *
 * <h2>Changes</h2>
 * Additions go to a small delta scanned linearly beside the main structure; removals of values in the main
 * structure are tombstones (entry ids, checked only for hits). {@link #compact()} rebuilds the main structure
 * from what is live, without stopping readers or writers: changes made while it runs are replayed onto the new
 * structure. Compact when the delta reaches some tens of thousands of values: every query scans all of it.
 *
 * <p>Readers never lock: they read one immutable snapshot. Writers are serialised. The index keeps what it is
 * given, duplicates included (they cost memory only): answers are deduplicated by value.
 */
public final class PdqIndex {

    /** Largest radius a query may ask for; the cost grows steeply past about 32. */
    public static final int MAX_RADIUS = 64;
    /** Chunk count chosen by measurement (see the class comment). */
    public static final int DEFAULT_CHUNKS = 11;

    private static final int WORDS = HashWords.PDQ_WORDS;
    private static final int[] NONE_REMOVED = new int[0];

    private final int chunkCount;
    private final Object writes = new Object();
    private volatile State state;
    /** Changes made while {@link #compact()} builds, to replay onto its result; null when not compacting. */
    private List<Runnable> journal;

    private PdqIndex(int chunkCount, State state) {
        this.chunkCount = chunkCount;
        this.state = state;
    }

    /** An index over {@code words.length / 4} values, 4 words each ({@code words} is not kept). */
    public static PdqIndex of(long[] words) {
        return of(words, DEFAULT_CHUNKS);
    }

    /** As {@link #of(long[])} with another chunk count, to measure the choice. */
    public static PdqIndex of(long[] words, int chunkCount) {
        return new PdqIndex(chunkCount, State.over(PdqMultiIndex.build(words, valueCount(words), chunkCount)));
    }

    /** Every value within {@code radius} of the query (4 words), nearest first. */
    public List<PdqMatch> within(long[] query, int radius) {
        checkQuery(query, radius);
        return search(state, query, 1, radius);
    }

    /**
     * Every value within {@code radius} of any of the queries held 4 words each in {@code queries} (for example
     * the 8 dihedral variants of one image's PDQ), each once with its distance to the nearest query, nearest first.
     */
    public List<PdqMatch> withinAny(long[] queries, int radius) {
        checkQuery(queries, radius);
        return search(state, queries, queries.length / WORDS, radius);
    }

    /** Adds one value (4 words). */
    public void add(long[] value) {
        addAll(value);
    }

    /** Adds {@code words.length / 4} values. */
    public void addAll(long[] words) {
        long[] copy = words.clone();
        valueCount(copy);
        synchronized (writes) {
            applyAdd(copy);
            if (journal != null) {
                journal.add(() -> applyAdd(copy));
            }
        }
    }

    /** Removes every entry holding the value (4 words); false if there was none. */
    public boolean remove(long[] value) {
        long[] copy = Arrays.copyOf(value, WORDS);
        checkQuery(copy, 0);
        synchronized (writes) {
            boolean removed = applyRemove(copy);
            if (journal != null) {
                journal.add(() -> applyRemove(copy));
            }
            return removed;
        }
    }

    /**
     * Rebuilds the main structure from every live value, emptying the delta and the tombstones. Queries go on
     * against the previous snapshot meanwhile; additions and removals made meanwhile are replayed at the end.
     * Needs memory for a second main structure while it runs.
     */
    public void compact() {
        State snapshot;
        synchronized (writes) {
            if (journal != null) {
                throw new IllegalStateException("a compaction is already running");
            }
            journal = new ArrayList<>();
            snapshot = state;
        }
        try {
            long[] live = snapshot.live();
            State rebuilt = State.over(PdqMultiIndex.build(live, valueCount(live), chunkCount));
            synchronized (writes) {
                state = rebuilt;
                journal.forEach(Runnable::run);
            }
        } finally {
            synchronized (writes) {
                journal = null;
            }
        }
    }

    /** Entries held (duplicates counted), in the main structure and the delta, minus removals. */
    public int size() {
        State s = state;
        return s.main.count() - s.removed.length + s.deltaCount;
    }

    /** Values waiting in the delta, which every query scans. */
    public int deltaSize() {
        return state.deltaCount;
    }

    /** Approximate heap bytes held by the current snapshot (arrays and their headers). */
    public long estimatedBytes() {
        State s = state;
        return s.main.estimatedBytes() + 16 + s.delta.length * 8L + 16 + s.removed.length * 4L;
    }

    private void applyAdd(long[] words) {
        State s = state;
        long[] delta = s.delta;
        int used = s.deltaCount * WORDS;
        if (used + words.length > delta.length) {
            delta = Arrays.copyOf(delta, Math.max(used + words.length, Math.max(64, delta.length * 2)));
        }
        // Snapshots share the array: they read only below their own count, and these slots lie above it.
        System.arraycopy(words, 0, delta, used, words.length);
        state = new State(s.main, s.removed, delta, s.deltaCount + words.length / WORDS);
    }

    private boolean applyRemove(long[] value) {
        State s = state;
        List<Integer> hits = new ArrayList<>();
        s.main.search(value, 0, 0, (id, distance) -> {
            if (Arrays.binarySearch(s.removed, id) < 0) {
                hits.add(id);
            }
        });
        int[] removed = s.removed;
        if (!hits.isEmpty()) {
            removed = Arrays.copyOf(s.removed, s.removed.length + hits.size());
            for (int i = 0; i < hits.size(); i++) {
                removed[s.removed.length + i] = hits.get(i);
            }
            Arrays.sort(removed);
        }
        long[] delta = new long[s.delta.length];
        int kept = 0;
        for (int i = 0; i < s.deltaCount; i++) {
            if (HashWords.pdqDistance(s.delta, i * WORDS, value, 0) != 0) {
                System.arraycopy(s.delta, i * WORDS, delta, kept++ * WORDS, WORDS);
            }
        }
        if (hits.isEmpty() && kept == s.deltaCount) {
            return false;
        }
        state = new State(s.main, removed, delta, kept);
        return true;
    }

    private static List<PdqMatch> search(State s, long[] queries, int queryCount, int radius) {
        Collected collected = new Collected();
        int mainCount = s.main.count();
        for (int q = 0; q < queryCount; q++) {
            s.main.search(queries, q * WORDS, radius, (id, distance) -> {
                if (s.removed.length == 0 || Arrays.binarySearch(s.removed, id) < 0) {
                    collected.add(id, distance);
                }
            });
            for (int i = 0; i < s.deltaCount; i++) {
                int distance = HashWords.pdqDistance(s.delta, i * WORDS, queries, q * WORDS);
                if (distance <= radius) {
                    collected.add(mainCount + i, distance);
                }
            }
        }
        return collected.matches(s);
    }

    private static void checkQuery(long[] queries, int radius) {
        if (queries == null || queries.length == 0 || queries.length % WORDS != 0) {
            throw new IllegalArgumentException("a PDQ query is 4 words per value");
        }
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("the radius must be from 0 to " + MAX_RADIUS);
        }
    }

    private static int valueCount(long[] words) {
        if (words.length % WORDS != 0) {
            throw new IllegalArgumentException("PDQ values are 4 words each");
        }
        return words.length / WORDS;
    }

    /**
     * One snapshot: the main structure, the sorted ids of its removed entries, and the delta (4 words per value,
     * the first {@code deltaCount} in use).
     */
    private record State(PdqMultiIndex main, int[] removed, long[] delta, int deltaCount) {

        static State over(PdqMultiIndex main) {
            return new State(main, NONE_REMOVED, new long[0], 0);
        }

        long[] live() {
            int count = main.count() - removed.length + deltaCount;
            long[] live = new long[count * WORDS];
            int at = 0;
            for (int id = 0, r = 0; id < main.count(); id++) {
                if (r < removed.length && removed[r] == id) {
                    r++;
                } else {
                    main.value(id, live, at++ * WORDS);
                }
            }
            System.arraycopy(delta, 0, live, at * WORDS, deltaCount * WORDS);
            return live;
        }
    }

    /** Hits of one query, packed as (entry id, distance) so that sorting groups an entry's hits nearest first. */
    private static final class Collected {

        private long[] packed = new long[16];
        private int size;

        void add(int id, int distance) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = (long) id << 9 | distance;
        }

        List<PdqMatch> matches(State s) {
            Arrays.sort(packed, 0, size);
            List<PdqMatch> matches = new ArrayList<>();
            long[] value = new long[WORDS];
            int mainCount = s.main.count();
            for (int i = 0; i < size; i++) {
                int id = (int) (packed[i] >>> 9);
                if (i > 0 && (int) (packed[i - 1] >>> 9) == id) {
                    continue;
                }
                if (id < mainCount) {
                    s.main.value(id, value, 0);
                } else {
                    System.arraycopy(s.delta, (id - mainCount) * WORDS, value, 0, WORDS);
                }
                matches.add(new PdqMatch(value[0], value[1], value[2], value[3], (int) (packed[i] & 511)));
            }
            return distinctNearestFirst(matches);
        }

        /** Duplicated values (in the bank twice, or in both the main structure and the delta) answer once. */
        private static List<PdqMatch> distinctNearestFirst(List<PdqMatch> matches) {
            Comparator<PdqMatch> byValue = Comparator.comparingLong(PdqMatch::word0)
                    .thenComparingLong(PdqMatch::word1)
                    .thenComparingLong(PdqMatch::word2)
                    .thenComparingLong(PdqMatch::word3);
            matches.sort(byValue.thenComparingInt(PdqMatch::distance));
            List<PdqMatch> distinct = new ArrayList<>(matches.size());
            for (PdqMatch match : matches) {
                if (distinct.isEmpty() || byValue.compare(distinct.get(distinct.size() - 1), match) != 0) {
                    distinct.add(match);
                }
            }
            distinct.sort(Comparator.comparingInt(PdqMatch::distance).thenComparing(byValue));
            return distinct;
        }
    }
}
