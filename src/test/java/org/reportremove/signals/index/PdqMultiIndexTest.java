package org.reportremove.signals.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
