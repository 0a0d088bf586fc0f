package org.reportremove.signals.index;

/**
 * A PDQ value of the bank found near a query, as its 4 words (see {@link HashWords}), and its Hamming distance
 * to the query (for a query of several variants, to the nearest of them). No {@code toString} of the value: a
 * hash must not end up in a log line by accident.
 */
public record PdqMatch(long word0, long word1, long word2, long word3, int distance) {

    /** The value in lower-case hex, as {@code Signal} holds it. */
    public String hex() {
        return HashWords.toHex(new long[] {word0, word1, word2, word3}, 0, HashWords.PDQ_WORDS);
    }

    /** Whether this is the given value (4 words at {@code offset}). */
    public boolean is(long[] value, int offset) {
        return word0 == value[offset] && word1 == value[offset + 1] && word2 == value[offset + 2]
                && word3 == value[offset + 3];
    }

    @Override
    public String toString() {
        return "PdqMatch[distance=" + distance + "]";
    }
}
