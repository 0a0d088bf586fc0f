package org.reportremove.signals.index;

import java.util.Arrays;

/**
 * Fixed-width values of {@code width} words kept sorted (words compared as unsigned numbers, word 0 first) in one
 * {@code long[]}: the densest form for exact lookup, found by binary search. Immutable once made.
 */
final class SortedValues {

    private static final int INSERTION_SORT_BELOW = 16;

    private final int width;
    private final long[] words;

    private SortedValues(int width, long[] words) {
        this.width = width;
        this.words = words;
    }

    static SortedValues empty(int width) {
        return new SortedValues(width, new long[0]);
    }

    /** Sorts a copy of {@code words} and drops repeated values. */
    static SortedValues of(int width, long[] words) {
        long[] sorted = words.clone();
        quicksort(sorted, width, 0, sorted.length / width - 1);
        int kept = 0;
        for (int i = 0; i < sorted.length / width; i++) {
            if (kept == 0 || compare(sorted, (kept - 1) * width, sorted, i * width, width) != 0) {
                System.arraycopy(sorted, i * width, sorted, kept++ * width, width);
            }
        }
        return new SortedValues(width, Arrays.copyOf(sorted, kept * width));
    }

    int size() {
        return words.length / width;
    }

    boolean contains(long[] value, int offset) {
        return indexOf(value, offset) >= 0;
    }

    /** The values of both, without repeats. */
    SortedValues plus(SortedValues other) {
        long[] merged = new long[words.length + other.words.length];
        int a = 0;
        int b = 0;
        int out = 0;
        while (a < words.length || b < other.words.length) {
            int order = a == words.length ? 1 : b == other.words.length ? -1
                    : compare(words, a, other.words, b, width);
            if (order <= 0) {
                System.arraycopy(words, a, merged, out, width);
                a += width;
                b += order == 0 ? width : 0;
            } else {
                System.arraycopy(other.words, b, merged, out, width);
                b += width;
            }
            out += width;
        }
        return new SortedValues(width, Arrays.copyOf(merged, out));
    }

    /** The values of this one that are not in {@code other}; looks each up, so cheap when this one is small. */
    SortedValues minus(SortedValues other) {
        return filter(other, false);
    }

    /** The values of this one that are also in {@code other}. */
    SortedValues within(SortedValues other) {
        return filter(other, true);
    }

    long estimatedBytes() {
        return 16 + words.length * 8L + 16;
    }

    private SortedValues filter(SortedValues other, boolean inOther) {
        if (other.words.length == 0) {
            return inOther ? empty(width) : this;
        }
        long[] kept = new long[words.length];
        int out = 0;
        for (int at = 0; at < words.length; at += width) {
            if (other.contains(words, at) == inOther) {
                System.arraycopy(words, at, kept, out, width);
                out += width;
            }
        }
        return new SortedValues(width, Arrays.copyOf(kept, out));
    }

    private int indexOf(long[] value, int offset) {
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(words, middle * width, value, offset, width);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    static int compare(long[] a, int aOffset, long[] b, int bOffset, int width) {
        for (int w = 0; w < width; w++) {
            int order = Long.compareUnsigned(a[aOffset + w], b[bOffset + w]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * Sorts values {@code low..high} in place (the JDK sorts no multi-word records without boxing). Hoare's
     * partition stops on equal values, so many repeats do not make it quadratic.
     */
    private static void quicksort(long[] words, int width, int low, int high) {
        long[] pivot = new long[width];
        while (high - low >= INSERTION_SORT_BELOW) {
            System.arraycopy(words, ((low + high) >>> 1) * width, pivot, 0, width);
            int i = low - 1;
            int j = high + 1;
            while (true) {
                do {
                    i++;
                } while (compare(words, i * width, pivot, 0, width) < 0);
                do {
                    j--;
                } while (compare(words, j * width, pivot, 0, width) > 0);
                if (i >= j) {
                    break;
                }
                swap(words, width, i, j);
            }
            if (j - low < high - j) {
                quicksort(words, width, low, j);
                low = j + 1;
            } else {
                quicksort(words, width, j + 1, high);
                high = j;
            }
        }
        for (int i = low + 1; i <= high; i++) {
            for (int j = i; j > low && compare(words, (j - 1) * width, words, j * width, width) > 0; j--) {
                swap(words, width, j - 1, j);
            }
        }
    }

    private static void swap(long[] words, int width, int i, int j) {
        for (int w = 0; w < width; w++) {
            long kept = words[i * width + w];
            words[i * width + w] = words[j * width + w];
            words[j * width + w] = kept;
        }
    }
}
