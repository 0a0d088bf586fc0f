package org.reportremove.signals.control;

import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;
import org.reportremove.signals.index.ExactIndex;
import org.reportremove.signals.index.HashWords;
import org.reportremove.signals.index.PdqIndex;
import org.reportremove.signals.index.PdqMatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node's copy of the bank in memory, for every {@link SignalType}: exact kinds in an {@link ExactIndex} (looked up
 * by value), perceptual kinds in a {@link PdqIndex} (every value within the kind's distance, exact recall). It holds
 * what {@link ScanningKnownSignals} would match: every value of an exact kind, and perceptual values only at a
 * reliable quality. Lookups never lock; changes ({@link #reflect}) are serialised by the caller, one follower per node.
 *
 * <p>Changes go to each index's small side structure; once enough have gathered, {@link #compactIfDue()} folds them
 * in (every PDQ lookup scans the side structure, so it must stay small).
 */
final class KnownSignalIndex {

    /** PDQ values added since the last compaction, past which one is due (each lookup scans them all). */
    static final int COMPACT_AFTER = 20_000;

    private final Map<SignalType, ExactIndex> exact;
    private final Map<SignalType, PdqIndex> perceptual;
    private final Map<SignalType, Integer> exactChanges = new HashMap<>();

    private KnownSignalIndex(Map<SignalType, ExactIndex> exact, Map<SignalType, PdqIndex> perceptual) {
        // Lookups read these maps while the follower may add a kind's first index.
        this.exact = new ConcurrentHashMap<>(exact);
        this.perceptual = new ConcurrentHashMap<>(perceptual);
    }

    static Builder builder() {
        return new Builder();
    }

    /** How the signals match, by the rules of {@link KnownSignals}. */
    KnownMatches known(Collection<Signal> signals) {
        Set<Signal> exactMatches = new HashSet<>();
        Map<Signal, Integer> near = new HashMap<>();
        for (Signal signal : new HashSet<>(signals)) {
            if (!signal.reliable()) {
                continue;
            }
            SignalType type = signal.type();
            long[] words = HashWords.fromHex(signal.value());
            if (type.exact()) {
                ExactIndex index = exact.get(type);
                if (index != null && index.contains(words)) {
                    exactMatches.add(signal);
                }
            } else {
                PdqIndex index = perceptual.get(type);
                List<PdqMatch> matches = index == null ? List.of() : index.within(words, type.matchDistance());
                if (!matches.isEmpty()) {
                    near.put(signal, matches.get(0).distance());
                }
            }
        }
        return new KnownMatches(exactMatches, near);
    }

    /**
     * Makes the index agree with the bank's row for one value: {@code quality} is the row's (null for an exact kind),
     * and {@code present} false when the bank no longer holds the value. Applying the same row twice changes nothing.
     */
    void reflect(SignalType type, String value, boolean present, Integer quality) {
        reflectAll(type, Map.of(value, new KnownSignalChanges.Row(present, quality)));
    }

    /**
     * {@link #reflect} for many values of one kind, by the bank's current row of each: the additions and the
     * removals each go in at once, so that a backlog of changes costs one copy of the side structure per batch
     * rather than one per value. A value no import would have written (not hex of the kind's length) is skipped:
     * it cannot be in the index either.
     *
     * @return how many values were read (whether or not the index had to change)
     */
    int reflectAll(SignalType type, Map<String, KnownSignalChanges.Row> rows) {
        List<long[]> additions = new ArrayList<>();
        List<long[]> removals = new ArrayList<>();
        int read = 0;
        for (Map.Entry<String, KnownSignalChanges.Row> row : rows.entrySet()) {
            long[] words;
            try {
                words = HashWords.fromHex(row.getKey());
            } catch (IllegalArgumentException unreadable) {
                continue;
            }
            if (words.length != type.hexLength() / 16) {
                continue;
            }
            read++;
            boolean wanted = row.getValue().present() && type.reliable(row.getValue().quality());
            if (holds(type, words) != wanted) {
                (wanted ? additions : removals).add(words);
            }
        }
        if (type.exact()) {
            ExactIndex index = exact.computeIfAbsent(type, t -> ExactIndex.of(type.hexLength() / 16, new long[0]));
            if (!additions.isEmpty()) {
                index.addAll(joined(additions));
            }
            if (!removals.isEmpty()) {
                index.removeAll(joined(removals));
            }
            exactChanges.merge(type, additions.size() + removals.size(), Integer::sum);
        } else {
            PdqIndex index = perceptual.computeIfAbsent(type, t -> PdqIndex.of(new long[0]));
            if (!additions.isEmpty()) {
                index.addAll(joined(additions));
            }
            removals.forEach(index::remove);
        }
        return read;
    }

    private boolean holds(SignalType type, long[] words) {
        if (type.exact()) {
            ExactIndex index = exact.get(type);
            return index != null && index.contains(words);
        }
        PdqIndex index = perceptual.get(type);
        return index != null && index.within(words, 0).stream().anyMatch(match -> match.is(words, 0));
    }

    private static long[] joined(List<long[]> values) {
        int width = values.get(0).length;
        long[] words = new long[values.size() * width];
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(values.get(i), 0, words, i * width, width);
        }
        return words;
    }

    /** Folds gathered changes into the main structures when there are enough of them; true if it did. */
    boolean compactIfDue() {
        return compact(COMPACT_AFTER);
    }

    /** Folds every gathered change in now (lookups go on meanwhile against the structures as they were). */
    void compact() {
        compact(1);
    }

    private boolean compact(int threshold) {
        boolean compacted = false;
        for (PdqIndex index : perceptual.values()) {
            if (index.deltaSize() >= threshold) {
                index.compact();
                compacted = true;
            }
        }
        for (Map.Entry<SignalType, ExactIndex> entry : exact.entrySet()) {
            if (exactChanges.getOrDefault(entry.getKey(), 0) >= threshold) {
                entry.getValue().compact();
                exactChanges.remove(entry.getKey());
                compacted = true;
            }
        }
        return compacted;
    }

    /** Values held, by kind (every kind listed, 0 where none). */
    Map<SignalType, Long> sizes() {
        Map<SignalType, Long> sizes = new LinkedHashMap<>();
        for (SignalType type : SignalType.all()) {
            long size = type.exact() ? (exact.containsKey(type) ? exact.get(type).size() : 0)
                    : (perceptual.containsKey(type) ? perceptual.get(type).size() : 0);
            sizes.put(type, size);
        }
        return sizes;
    }

    /** Approximate heap bytes held. */
    long estimatedBytes() {
        return exact.values().stream().mapToLong(ExactIndex::estimatedBytes).sum()
                + perceptual.values().stream().mapToLong(PdqIndex::estimatedBytes).sum();
    }

    /** Gathers the bank's values, streamed from the database, then builds each kind's index once. */
    static final class Builder {

        private final Map<SignalType, Words> values = new HashMap<>();
        private long skipped;

        /** Makes room for {@code count} values of the kind at once, so a bank of millions is not copied as it grows. */
        void expect(SignalType type, long count) {
            int width = type.hexLength() / 16;
            if (count > 0 && count * width < Integer.MAX_VALUE - 16) {
                values.computeIfAbsent(type, t -> new Words(width)).reserve((int) count * width);
            }
        }

        /** Takes one row of the bank; a perceptual value below the reliable quality is left out, as the scan does. */
        void add(SignalType type, String value, Integer quality) {
            if (!type.reliable(quality)) {
                return;
            }
            try {
                long[] words = HashWords.fromHex(value);
                if (!type.exact() && words.length != HashWords.PDQ_WORDS) {
                    throw new IllegalArgumentException("a perceptual value is 256 bits");
                }
                values.computeIfAbsent(type, t -> new Words(words.length)).add(words);
            } catch (IllegalArgumentException e) {
                // A row no import would have written; counted, never repeated in a message.
                skipped++;
            }
        }

        /** Rows left out because their value could not be read. */
        long skipped() {
            return skipped;
        }

        KnownSignalIndex build() {
            Map<SignalType, ExactIndex> exact = new HashMap<>();
            Map<SignalType, PdqIndex> perceptual = new HashMap<>();
            for (Map.Entry<SignalType, Words> entry : values.entrySet()) {
                long[] words = entry.getValue().take();
                if (entry.getKey().exact()) {
                    exact.put(entry.getKey(), ExactIndex.of(entry.getValue().width, words));
                } else {
                    perceptual.put(entry.getKey(), PdqIndex.of(words));
                }
            }
            values.clear();
            return new KnownSignalIndex(exact, perceptual);
        }
    }

    /** A growing array of fixed-width values. */
    private static final class Words {

        final int width;
        private long[] words = new long[1024];
        private int used;

        Words(int width) {
            this.width = width;
        }

        void reserve(int total) {
            if (total > words.length) {
                words = Arrays.copyOf(words, total);
            }
        }

        void add(long[] value) {
            if (value.length != width) {
                throw new IllegalArgumentException("values of one kind have one width");
            }
            if (used + width > words.length) {
                words = Arrays.copyOf(words, words.length + (words.length >> 1) + width);
            }
            System.arraycopy(value, 0, words, used, width);
            used += width;
        }

        long[] take() {
            long[] taken = used == words.length ? words : Arrays.copyOf(words, used);
            words = new long[0];
            used = 0;
            return taken;
        }
    }
}
