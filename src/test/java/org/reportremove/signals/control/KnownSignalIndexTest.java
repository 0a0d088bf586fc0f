package org.reportremove.signals.control;

import org.junit.jupiter.api.Test;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;
import org.reportremove.signals.hashing.SignalValues;
import org.reportremove.signals.index.HashWords;
import org.reportremove.signals.index.PdqTestData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's in-memory bank answers exactly what a brute-force reading of the bank answers, by the rules of
 * {@link KnownSignals}: exact kinds by value, PDQ within 31 bits and only at quality 50 or more on both sides,
 * exact matches apart from near-matches. Banks are random and clustered (near-duplicate groups with skewed bits),
 * over many seeds, before and after additions, removals and compactions.
 */
class KnownSignalIndexTest {

    private static final int RADIUS = SignalType.PDQ.matchDistance();

    @Test
    void answersWhatBruteForceAnswersOnRandomAndClusteredBanksOverManySeeds() {
        for (int seed = 1; seed <= 24; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] words = seed % 2 == 0 ? PdqTestData.clustered(random, 2_000) : PdqTestData.uniform(random, 2_000);
            Bank bank = Bank.of(random, words);
            KnownSignalIndex index = bank.build();
            List<Signal> queries = bank.queries(random, words, 150);
            assertEquals(bank.bruteForce(queries), index.known(queries), "seed " + seed);
        }
    }

    @Test
    void aPdqThirtyOrThirtyOneBitsAwayNearMatchesAndThirtyTwoBitsAwayDoesNot() {
        for (int seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(1_000 + seed);
            long[] words = PdqTestData.uniform(random, 500);
            KnownSignalIndex.Builder builder = KnownSignalIndex.builder();
            for (int i = 0; i < 500; i++) {
                builder.add(SignalType.PDQ, HashWords.toHex(words, i * 4, 4), 90);
            }
            KnownSignalIndex index = builder.build();
            int target = random.nextInt(500);
            Signal at30 = pdqNear(random, words, target, 30);
            Signal at31 = pdqNear(random, words, target, 31);
            Signal at32 = pdqNear(random, words, target, 32);

            KnownMatches matches = index.known(List.of(at30, at31, at32));

            assertEquals(Set.of(), matches.exact(), "a near-match is never an exact one");
            assertEquals(30, matches.near().get(at30), "seed " + seed);
            assertEquals(31, matches.near().get(at31), "seed " + seed);
            // Another random bank value could lie within 31 bits of the query only with negligible probability.
            assertTrue(!matches.near().containsKey(at32), "seed " + seed);
        }
    }

    @Test
    void aPdqEqualToAKnownOneIsANearMatchAtDistanceZeroNeverAnExactOne() {
        String value = HashWords.toHex(PdqTestData.uniform(new SplittableRandom(7), 1), 0, 4);
        KnownSignalIndex.Builder builder = KnownSignalIndex.builder();
        builder.add(SignalType.PDQ, value, 100);
        Signal same = Signal.pdq(value, 100);

        KnownMatches matches = builder.build().known(List.of(same));

        assertEquals(new KnownMatches(Set.of(), Map.of(same, 0)), matches);
    }

    @Test
    void additionsRemovalsAndQualityChangesKeepItAgreeingWithBruteForceAcrossCompactions() {
        for (int seed = 1; seed <= 8; seed++) {
            SplittableRandom random = new SplittableRandom(2_000 + seed);
            long[] words = seed % 2 == 0 ? PdqTestData.clustered(random, 1_500) : PdqTestData.uniform(random, 1_500);
            Bank bank = Bank.of(random, words);
            KnownSignalIndex index = bank.build();
            long[] more = PdqTestData.uniform(random, 300);
            for (int step = 0; step < 400; step++) {
                Map.Entry<Key, Integer> change = bank.change(random, words, more);
                Key key = change.getKey();
                boolean present = bank.rows.containsKey(key);
                index.reflect(key.type, key.value, present, bank.rows.get(key));
                if (random.nextInt(5) == 0) {
                    // The same change read twice from the log changes nothing.
                    index.reflect(key.type, key.value, present, bank.rows.get(key));
                }
                if (step % 97 == 96) {
                    index.compact();
                }
                if (step % 50 == 49) {
                    List<Signal> queries = bank.queries(random, words, 60);
                    assertEquals(bank.bruteForce(queries), index.known(queries), "seed " + seed + ", step " + step);
                }
            }
        }
    }

    @Test
    void changesReflectedInBatchesAsTheFollowerReadsThemAgreeWithBruteForce() {
        for (int seed = 1; seed <= 6; seed++) {
            SplittableRandom random = new SplittableRandom(3_000 + seed);
            long[] words = seed % 2 == 0 ? PdqTestData.clustered(random, 1_500) : PdqTestData.uniform(random, 1_500);
            Bank bank = Bank.of(random, words);
            KnownSignalIndex index = bank.build();
            long[] more = PdqTestData.uniform(random, 300);
            for (int round = 0; round < 40; round++) {
                // A batch of the change log: several changes, some to the same value; each value is then
                // reflected once, by its row as the bank holds it now.
                Set<Key> changed = new HashSet<>();
                for (int i = 1 + random.nextInt(80); i > 0; i--) {
                    changed.add(bank.change(random, words, more).getKey());
                }
                Map<SignalType, Map<String, KnownSignalChanges.Row>> rows = new HashMap<>();
                for (Key key : changed) {
                    rows.computeIfAbsent(key.type, t -> new HashMap<>()).put(key.value,
                            new KnownSignalChanges.Row(bank.rows.containsKey(key), bank.rows.get(key)));
                }
                rows.forEach((type, ofType) -> assertEquals(ofType.size(), index.reflectAll(type, ofType)));
                if (round % 3 == 2) {
                    rows.forEach(index::reflectAll);
                }
                if (round % 11 == 10) {
                    index.compact();
                }
                List<Signal> queries = bank.queries(random, words, 40);
                assertEquals(bank.bruteForce(queries), index.known(queries), "seed " + seed + ", round " + round);
            }
        }
    }

    @Test
    void aValueOfTheWrongLengthForItsKindIsSkipped() {
        KnownSignalIndex index = KnownSignalIndex.builder().build();
        Map<String, KnownSignalChanges.Row> rows = new HashMap<>();
        rows.put("ab".repeat(16), new KnownSignalChanges.Row(true, null));
        rows.put("not hex", new KnownSignalChanges.Row(true, null));
        rows.put("cd".repeat(32), new KnownSignalChanges.Row(true, null));

        assertEquals(1, index.reflectAll(SignalType.SHA256, rows));
        assertEquals(1L, index.sizes().get(SignalType.SHA256));
    }

    @Test
    void aRemovedValueMatchesNothingAndAnUnreliableOneIsNotHeld() {
        String pdq = HashWords.toHex(PdqTestData.uniform(new SplittableRandom(11), 1), 0, 4);
        String sha = "ab".repeat(32);
        KnownSignalIndex.Builder builder = KnownSignalIndex.builder();
        builder.add(SignalType.PDQ, pdq, 90);
        builder.add(SignalType.SHA256, sha, null);
        KnownSignalIndex index = builder.build();
        List<Signal> asked = List.of(Signal.pdq(pdq, 90), Signal.exact(SignalType.SHA256, sha));
        assertEquals(new KnownMatches(Set.of(asked.get(1)), Map.of(asked.get(0), 0)), index.known(asked));

        index.reflect(SignalType.SHA256, sha, false, null);
        index.reflect(SignalType.PDQ, pdq, true, 49);

        assertEquals(new KnownMatches(Set.of(), Map.of()), index.known(asked));
        assertEquals(0L, index.sizes().get(SignalType.PDQ));
        assertEquals(0L, index.sizes().get(SignalType.SHA256));
    }

    private static Signal pdqNear(SplittableRandom random, long[] words, int index, int flips) {
        return Signal.pdq(HashWords.toHex(PdqTestData.near(random, words, index, flips), 0, 4), 90);
    }

    private record Key(SignalType type, String value) {
    }

    /** The bank as rows (value to quality, null for exact kinds), and the brute-force answer over them. */
    private static final class Bank {

        final Map<Key, Integer> rows = new LinkedHashMap<>();

        static Bank of(SplittableRandom random, long[] pdqWords) {
            Bank bank = new Bank();
            for (int i = 0; i < pdqWords.length / 4; i++) {
                bank.rows.put(new Key(SignalType.PDQ, HashWords.toHex(pdqWords, i * 4, 4)), quality(random));
            }
            for (int i = 0; i < 300; i++) {
                bank.rows.put(new Key(SignalType.SHA256, hex(random, 64)), null);
                bank.rows.put(new Key(SignalType.MD5, hex(random, 32)), null);
            }
            return bank;
        }

        KnownSignalIndex build() {
            KnownSignalIndex.Builder builder = KnownSignalIndex.builder();
            rows.forEach((key, quality) -> builder.add(key.type, key.value, quality));
            return builder.build();
        }

        /** Near variants of bank values (0 to 40 bits), fresh values and known and unknown digests. */
        List<Signal> queries(SplittableRandom random, long[] words, int count) {
            List<Key> exactKeys = rows.keySet().stream().filter(key -> key.type.exact()).toList();
            List<Signal> queries = new ArrayList<>();
            for (int q = 0; q < count; q++) {
                switch (random.nextInt(4)) {
                    case 0 -> queries.add(Signal.pdq(HashWords.toHex(PdqTestData.near(random, words,
                            random.nextInt(words.length / 4), random.nextInt(41)), 0, 4), quality(random)));
                    case 1 -> queries.add(Signal.pdq(hex(random, 64), quality(random)));
                    case 2 -> {
                        Key key = exactKeys.get(random.nextInt(exactKeys.size()));
                        queries.add(Signal.exact(key.type, key.value));
                    }
                    default -> queries.add(random.nextBoolean() ? Signal.exact(SignalType.MD5, hex(random, 32))
                            : Signal.exact(SignalType.SHA256, hex(random, 64)));
                }
            }
            return queries;
        }

        /** One random change to the rows: a value added, removed, or given another quality. */
        Map.Entry<Key, Integer> change(SplittableRandom random, long[] words, long[] more) {
            List<Key> keys = new ArrayList<>(rows.keySet());
            Key key;
            switch (random.nextInt(4)) {
                case 0 -> {
                    key = keys.get(random.nextInt(keys.size()));
                    rows.remove(key);
                }
                case 1 -> {
                    key = new Key(SignalType.PDQ, HashWords.toHex(more, random.nextInt(more.length / 4) * 4, 4));
                    rows.put(key, quality(random));
                }
                case 2 -> {
                    key = new Key(SignalType.PDQ, HashWords.toHex(words, random.nextInt(words.length / 4) * 4, 4));
                    rows.put(key, quality(random));
                }
                default -> {
                    key = new Key(random.nextBoolean() ? SignalType.SHA256 : SignalType.MD5, null);
                    key = new Key(key.type, hex(random, key.type.hexLength()));
                    rows.put(key, null);
                }
            }
            return new java.util.AbstractMap.SimpleEntry<>(key, rows.get(key));
        }

        KnownMatches bruteForce(List<Signal> queries) {
            Set<Signal> exact = new HashSet<>();
            Map<Signal, Integer> near = new HashMap<>();
            for (Signal query : queries) {
                if (!query.reliable()) {
                    continue;
                }
                for (Map.Entry<Key, Integer> row : rows.entrySet()) {
                    Key key = row.getKey();
                    if (!key.type.equals(query.type()) || !key.type.reliable(row.getValue())) {
                        continue;
                    }
                    if (key.type.exact()) {
                        if (key.value.equals(query.value())) {
                            exact.add(query);
                        }
                    } else {
                        int distance = SignalValues.hammingDistance(key.value, query.value());
                        if (distance <= RADIUS) {
                            near.merge(query, distance, Math::min);
                        }
                    }
                }
            }
            return new KnownMatches(exact, near);
        }

        /** Qualities on both sides of the reliable threshold, the edges included. */
        private static int quality(SplittableRandom random) {
            int[] edges = {0, 49, 50, 51, 100};
            return random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(101);
        }

        private static String hex(SplittableRandom random, int digits) {
            StringBuilder hex = new StringBuilder(digits);
            for (int i = 0; i < digits; i++) {
                hex.append(Character.forDigit(random.nextInt(16), 16));
            }
            return hex.toString();
        }
    }
}
