package org.reportremove.signals.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PdqMultiIndexTest {

    @Test
    void radiiAddUpSoThatPigeonholeCoversTheQueryRadius() {
        for (int tables = 1; tables <= 32; tables++) {
            for (int radius = 0; radius <= PdqIndex.MAX_RADIUS; radius++) {
                int covered = 0;
                for (int r : PdqMultiIndex.tableRadii(tables, radius)) {
                    covered += r + 1;
                }
                assertEquals(radius + 1, covered, tables + " tables, radius " + radius);
            }
        }
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1}, PdqMultiIndex.tableRadii(11, 31));
        assertArrayEquals(new int[] {0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, PdqMultiIndex.tableRadii(11, 0));
    }

    @Test
    void denseBucketsDropByTheirSketchesOnlyWhatIsOutOfReach() {
        // 60 groups of 100 near-duplicates (within 20 bits of their centre): a group's members share their keys,
        // so every bucket a query near a group probes is dense, and its sketches decide what is verified.
        SplittableRandom random = new SplittableRandom(34);
        int groups = 60;
        int size = groups * 100;
        long[] centres = PdqTestData.uniform(random, groups);
        long[] bank = new long[size * 4];
        for (int i = 0; i < size; i++) {
            System.arraycopy(centres, (i % groups) * 4, bank, i * 4, 4);
            PdqTestData.flipRandomBits(random, bank, i * 4, random.nextInt(21));
        }
        PdqMultiIndex index = PdqMultiIndex.build(bank, size, PdqIndex.DEFAULT_CHUNKS);
        List<long[]> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(new long[] {bank[i * 4], bank[i * 4 + 1], bank[i * 4 + 2], bank[i * 4 + 3]});
        }
        long[] work = new long[10];
        for (int q = 0; q < 300; q++) {
            int target = random.nextInt(size);
            long[] query = q % 3 == 0
                    ? flippedInLowerHalf(random, index, bank, target, 31 + q % 2)
                    : PdqTestData.near(random, bank, target, 28 + random.nextInt(6));
            for (int radius : new int[] {30, 31, 32}) {
                Set<String> found = new TreeSet<>();
                index.searchCounting(query, 0, radius, (id, distance) -> {
                    long[] value = new long[4];
                    index.value(id, value, 0);
                    found.add(distance + ":" + Arrays.toString(value));
                }, work);
                Set<String> expected = new TreeSet<>();
                PdqTestData.bruteForce(values, query, radius).forEach(match -> expected.add(match.distance() + ":"
                        + Arrays.toString(new long[] {match.word0(), match.word1(), match.word2(), match.word3()})));
                assertEquals(expected, found, "query " + q + " at radius " + radius);
            }
        }
        assertTrue(work[8] > 0, "dense buckets' sketches were compared");
        assertTrue(work[9] < work[8] / 2, "sketches left " + work[9] + " of " + work[8] + " entries to verify");
    }

    /**
     * The bank value {@code target} with {@code flips} bits flipped, all of them in the lower half once permuted, and
     * enough of them in the key of every table whose key lies there, even in part, that none of those tables finds
     * it. Only tables whose keys lie wholly in the upper half can; their sketches hold the lower half, so the value's
     * bound there is its whole distance: at exactly the radius, it must be kept.
     */
    private static long[] flippedInLowerHalf(SplittableRandom random, PdqMultiIndex index, long[] bank, int target,
                                             int flips) {
        int[] radii = PdqMultiIndex.tableRadii(index.tables(), 31);
        boolean[] upper = new boolean[index.tables()];
        Arrays.fill(upper, true);
        for (int bit = 0; bit < 256; bit++) {
            if (index.tableOfBit(bit) >= 0 && index.permutedBit(bit) < 128) {
                upper[index.tableOfBit(bit)] = false;
            }
        }
        long[] query = Arrays.copyOfRange(bank, target * 4, target * 4 + 4);
        int[] inKey = new int[index.tables()];
        int flipped = 0;
        while (flipped < flips) {
            int bit = random.nextInt(256);
            int table = index.tableOfBit(bit);
            boolean unflipped = ((query[bit >>> 6] ^ bank[target * 4 + (bit >>> 6)]) >>> (bit & 63) & 1) == 0;
            boolean keysFirst = IntStream.range(0, upper.length).anyMatch(t -> !upper[t] && inKey[t] <= radii[t]);
            boolean wanted = index.permutedBit(bit) < 128 && (table >= 0
                    ? !upper[table] && (!keysFirst || inKey[table] <= radii[table]) : !keysFirst);
            if (unflipped && wanted) {
                query[bit >>> 6] ^= 1L << (bit & 63);
                flipped++;
                if (table >= 0) {
                    inKey[table]++;
                }
            }
        }
        return query;
    }

    @Test
    void findsAValueThatOnlyOneTableCanFind() {
        // The tight case of the pigeonhole bound: every table's key differs by one bit more than its probe radius,
        // except one table that differs by exactly its radius. 31 bits in all; only that table can find it.
        SplittableRandom random = new SplittableRandom(21);
        long[] bank = PdqTestData.uniform(random, 50_000);
        PdqMultiIndex index = PdqMultiIndex.build(bank, 50_000, PdqIndex.DEFAULT_CHUNKS);
        int[] radii = PdqMultiIndex.tableRadii(index.tables(), 31);
        for (int finder = 0; finder < index.tables(); finder++) {
            for (int round = 0; round < 20; round++) {
                int target = random.nextInt(50_000);
                long[] query = PdqTestData.near(random, bank, target, 0);
                int[] flipped = new int[index.tables()];
                int total = 0;
                while (total < 31) {
                    int bit = random.nextInt(256);
                    int table = index.tableOfBit(bit);
                    int wanted = radii[table < 0 ? 0 : table] + (table == finder ? 0 : 1);
                    boolean unflipped = ((query[bit >>> 6] ^ bank[target * 4 + (bit >>> 6)]) >>> (bit & 63) & 1) == 0;
                    if (table >= 0 && unflipped && flipped[table] < wanted) {
                        query[bit >>> 6] ^= 1L << (bit & 63);
                        flipped[table]++;
                        total++;
                    }
                }
                List<long[]> found = new ArrayList<>();
                index.search(query, 0, 31, (id, distance) -> {
                    long[] value = new long[4];
                    index.value(id, value, 0);
                    if (distance == 31) {
                        found.add(value);
                    }
                });
                assertEquals(1, found.stream().filter(v -> HashWords.pdqDistance(v, 0, bank, target * 4) == 0)
                        .count(), "found only by table " + finder);
            }
        }
    }
}
