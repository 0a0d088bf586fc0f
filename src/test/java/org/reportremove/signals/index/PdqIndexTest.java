package org.reportremove.signals.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.signals.index.PdqTestData.bruteForce;
import static org.reportremove.signals.index.PdqTestData.clustered;
import static org.reportremove.signals.index.PdqTestData.flipRandomBits;
import static org.reportremove.signals.index.PdqTestData.near;
import static org.reportremove.signals.index.PdqTestData.query;
import static org.reportremove.signals.index.PdqTestData.uniform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PdqIndexTest {

    @Test
    void findsExactlyWhatBruteForceFindsOnUniformData() {
        for (int seed = 1; seed <= 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] bank = uniform(random, 10_000 + random.nextInt(30_000));
            assertSameAnswers(seed, PdqIndex.of(bank), List.of(bank), random, 60);
        }
    }

    @Test
    void findsExactlyWhatBruteForceFindsOnClusteredSkewedData() {
        for (int seed = 1; seed <= 4; seed++) {
            SplittableRandom random = new SplittableRandom(100 + seed);
            long[] bank = clustered(random, 10_000 + random.nextInt(30_000));
            assertSameAnswers(seed, PdqIndex.of(bank), List.of(bank), random, 60);
        }
    }

    @Test
    void stillExactWithOtherChunkCounts() {
        SplittableRandom random = new SplittableRandom(7);
        long[] bank = clustered(random, 30_000);
        for (int chunks : new int[] {1, 4, 8, 16, 32}) {
            assertSameAnswers(chunks, PdqIndex.of(bank, chunks), List.of(bank), random, 20);
        }
    }

    @Test
    void findsValuesAtThirtyAndThirtyOneBitsButNotThirtyTwo() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 100; round++) {
            long[] query = uniform(random, 1);
            long[] bank = new long[3 * 4];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(query, 0, bank, i * 4, 4);
                flipRandomBits(random, bank, i * 4, 30 + i);
            }
            long[] noise = uniform(random, 2_000);
            PdqIndex index = PdqIndex.of(concat(noise, bank));

            List<PdqMatch> matches = index.within(query, 31);

            assertEquals(2, matches.size());
            assertEquals(30, matches.get(0).distance());
            assertTrue(matches.get(0).is(bank, 0));
            assertEquals(31, matches.get(1).distance());
            assertTrue(matches.get(1).is(bank, 4));
            assertEquals(3, index.within(query, 32).size());
            assertEquals(List.of(), index.within(query, 29));
        }
    }

    @Test
    void additionsAndRemovalsKeepRecallExactAcrossCompactions() {
        for (int seed = 1; seed <= 2; seed++) {
            SplittableRandom random = new SplittableRandom(200 + seed);
            long[] initial = clustered(random, 10_000);
            PdqIndex index = PdqIndex.of(initial);
            List<long[]> model = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                model.add(Arrays.copyOfRange(initial, i * 4, i * 4 + 4));
            }
            for (int step = 0; step < 200; step++) {
                int action = random.nextInt(10);
                if (action < 4) {
                    long[] added = model.isEmpty() || random.nextBoolean() ? uniform(random, 1)
                            : near(random, model.get(random.nextInt(model.size())), 0, random.nextInt(32));
                    index.add(added);
                    model.add(added);
                } else if (action < 8 && !model.isEmpty()) {
                    long[] removed = model.get(random.nextInt(model.size()));
                    assertTrue(index.remove(removed));
                    model.removeIf(v -> Arrays.equals(v, removed));
                    assertFalse(index.remove(removed));
                } else if (action == 8) {
                    index.compact();
                    assertEquals(0, index.deltaSize());
                }
                assertEquals(model.size(), index.size());
                long[] query = random.nextBoolean() && !model.isEmpty()
                        ? near(random, model.get(random.nextInt(model.size())), 0, random.nextInt(33))
                        : uniform(random, 1);
                assertEquals(bruteForce(model, query, 31), new HashSet<>(index.within(query, 31)),
                        "seed " + seed + ", step " + step);
            }
        }
    }

    @Test
    void aValueRemovedAndAddedAgainIsFoundOnce() {
        SplittableRandom random = new SplittableRandom(11);
        long[] bank = uniform(random, 1_000);
        long[] value = Arrays.copyOfRange(bank, 40, 44);
        PdqIndex index = PdqIndex.of(bank);

        assertTrue(index.remove(value));
        assertEquals(List.of(), index.within(value, 0));
        index.add(value);
        index.add(value);

        assertEquals(1, index.within(value, 31).size());
        index.compact();
        assertEquals(1, index.within(value, 31).size());
        assertTrue(index.remove(value));
        assertEquals(List.of(), index.within(value, 31));
    }

    @Test
    void duplicatesAnswerOnceAndAreRemovedTogether() {
        SplittableRandom random = new SplittableRandom(12);
        long[] value = uniform(random, 1);
        PdqIndex index = PdqIndex.of(concat(value, uniform(random, 500), value, value));
        index.add(value);

        List<PdqMatch> matches = index.within(value, 31);

        assertEquals(1, matches.size());
        assertEquals(0, matches.get(0).distance());
        assertEquals(HashWords.toHex(value, 0, 4), matches.get(0).hex());
        assertTrue(index.remove(value));
        assertEquals(List.of(), index.within(value, 31));
        assertEquals(500, index.size());
    }

    @Test
    void dihedralQueryReturnsTheUnionWithTheNearestDistance() {
        for (int seed = 1; seed <= 3; seed++) {
            SplittableRandom random = new SplittableRandom(300 + seed);
            long[] bank = clustered(random, 30_000);
            PdqIndex index = PdqIndex.of(bank);
            for (int round = 0; round < 30; round++) {
                long[] variants = new long[8 * 4];
                for (int v = 0; v < 8; v++) {
                    System.arraycopy(query(random, bank), 0, variants, v * 4, 4);
                }
                System.arraycopy(variants, 0, variants, 4, 4);
                flipRandomBits(random, variants, 4, 3);

                List<PdqMatch> matches = index.withinAny(variants, 31);

                assertEquals(bruteForce(List.of(bank), variants, 31), new HashSet<>(matches));
                for (int i = 1; i < matches.size(); i++) {
                    assertTrue(matches.get(i - 1).distance() <= matches.get(i).distance());
                }
            }
        }
    }

    @Test
    void emptyIndexFindsNothingAndTakesAdditions() {
        PdqIndex index = PdqIndex.of(new long[0]);
        long[] value = uniform(new SplittableRandom(1), 1);

        assertEquals(List.of(), index.within(value, 31));
        assertEquals(0, index.size());
        index.add(value);
        assertEquals(0, index.within(value, 31).get(0).distance());
        index.compact();
        assertEquals(1, index.size());
        assertEquals(0, index.deltaSize());
        assertEquals(0, index.within(value, 31).get(0).distance());
    }

    @Test
    void writesMadeDuringACompactionAreKept() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(13);
        long[] bank = uniform(random, 100_000);
        PdqIndex index = PdqIndex.of(bank);
        long[] early = Arrays.copyOfRange(bank, 0, 4);
        index.remove(early);
        Thread compaction = new Thread(index::compact);
        compaction.start();
        List<long[]> added = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long[] value = uniform(random, 1);
            index.add(value);
            added.add(value);
            index.remove(Arrays.copyOfRange(bank, (i + 1) * 4, (i + 2) * 4));
        }
        compaction.join();

        assertEquals(100_000 - 201 + 200, index.size());
        for (long[] value : added) {
            assertEquals(1, index.within(value, 0).size());
        }
        for (int i = 0; i <= 200; i++) {
            assertEquals(List.of(), index.within(Arrays.copyOfRange(bank, i * 4, i * 4 + 4), 0));
        }
    }

    @Test
    void reportsMemoryOfAboutOneHundredBytesPerValueAtScale() {
        long[] bank = uniform(new SplittableRandom(14), 200_000);

        long bytes = PdqIndex.of(bank).estimatedBytes();

        assertTrue(bytes > 200_000L * 32, "at least the values themselves");
        assertTrue(bytes < 200_000L * 200, "no more than a few copies of them");
    }

    @Test
    void refusesMalformedQueries() {
        PdqIndex index = PdqIndex.of(uniform(new SplittableRandom(15), 10));

        assertThrows(IllegalArgumentException.class, () -> index.within(new long[3], 31));
        assertThrows(IllegalArgumentException.class, () -> index.within(new long[4], -1));
        assertThrows(IllegalArgumentException.class, () -> index.within(new long[4], PdqIndex.MAX_RADIUS + 1));
        assertThrows(IllegalArgumentException.class, () -> index.withinAny(new long[0], 31));
        assertThrows(IllegalArgumentException.class, () -> PdqIndex.of(new long[5]));
    }

    private static void assertSameAnswers(int seed, PdqIndex index, List<long[]> bank, SplittableRandom random,
            int queries) {
        for (int q = 0; q < queries; q++) {
            long[] query = query(random, bank.get(0));
            int radius = q % 3 == 0 ? random.nextInt(41) : 31;
            assertEquals(bruteForce(bank, query, radius), new HashSet<>(index.within(query, radius)),
                    "seed " + seed + ", query " + q + ", radius " + radius);
        }
    }

    private static long[] concat(long[]... parts) {
        int length = 0;
        for (long[] part : parts) {
            length += part.length;
        }
        long[] all = new long[length];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
