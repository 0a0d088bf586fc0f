package org.reportremove.signals.index;

/**
 * Known SHA-256 or MD5 values, looked up exactly. The values live in one sorted {@code long[]} (32 bytes per
 * SHA-256 value, 16 per MD5: the values themselves and nothing else) searched by bisection, about 24 steps for ten
 * million values. Additions and removals go to two small sorted sets beside it, replaced whole on each change;
 * {@link #compact()} folds them in. Readers never lock; writers are serialised.
 */
public final class ExactIndex {

    private final int width;
    private final Object writes = new Object();
    private volatile State state;

    private ExactIndex(int width, State state) {
        this.width = width;
        this.state = state;
    }

    /** An index over {@code words.length / wordsPerValue} values (4 words for SHA-256, 2 for MD5). */
    public static ExactIndex of(int wordsPerValue, long[] words) {
        checkWords(wordsPerValue, words);
        return new ExactIndex(wordsPerValue, new State(SortedValues.of(wordsPerValue, words),
                SortedValues.empty(wordsPerValue), SortedValues.empty(wordsPerValue)));
    }

    /** Whether the value (one value's words) is known. */
    public boolean contains(long[] value) {
        if (value == null || value.length != width) {
            throw new IllegalArgumentException("one value is " + width + " words");
        }
        State s = state;
        return s.added.contains(value, 0) || s.main.contains(value, 0) && !s.removed.contains(value, 0);
    }

    /** Adds the values held {@code wordsPerValue} words each in {@code words}. */
    public void addAll(long[] words) {
        checkWords(width, words);
        SortedValues batch = SortedValues.of(width, words);
        synchronized (writes) {
            State s = state;
            state = new State(s.main, s.added.plus(batch.minus(s.main)), s.removed.minus(batch));
        }
    }

    /** Removes the values held {@code wordsPerValue} words each in {@code words}. */
    public void removeAll(long[] words) {
        checkWords(width, words);
        SortedValues batch = SortedValues.of(width, words);
        synchronized (writes) {
            State s = state;
            state = new State(s.main, s.added.minus(batch), s.removed.plus(batch.within(s.main)));
        }
    }

    /** Folds the additions and removals into the sorted main array. */
    public void compact() {
        synchronized (writes) {
            State s = state;
            SortedValues empty = SortedValues.empty(width);
            state = new State(s.main.minus(s.removed).plus(s.added), empty, empty);
        }
    }

    /** Values known. */
    public int size() {
        State s = state;
        return s.main.size() - s.removed.size() + s.added.size();
    }

    /** Approximate heap bytes held. */
    public long estimatedBytes() {
        State s = state;
        return s.main.estimatedBytes() + s.added.estimatedBytes() + s.removed.estimatedBytes();
    }

    private static void checkWords(int wordsPerValue, long[] words) {
        if (wordsPerValue < 1 || words == null || words.length % wordsPerValue != 0) {
            throw new IllegalArgumentException("values are " + wordsPerValue + " words each");
        }
    }

    /** The main values; those added since (never also in main); those of main removed since (all in main). */
    private record State(SortedValues main, SortedValues added, SortedValues removed) {
    }
}
