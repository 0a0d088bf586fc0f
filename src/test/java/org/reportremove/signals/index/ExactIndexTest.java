package org.reportremove.signals.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactIndexTest {

    @Test
    void knowsExactlyTheValuesItHoldsThroughAdditionsRemovalsAndCompactions() {
        for (int width : new int[] {HashWords.SHA256_WORDS, HashWords.MD5_WORDS}) {
            for (int seed = 1; seed <= 3; seed++) {
                SplittableRandom random = new SplittableRandom(seed);
                long[] initial = values(random, width, 10_000);
                ExactIndex index = ExactIndex.of(width, initial);
                Set<List<Long>> model = new HashSet<>();
                List<long[]> seen = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    long[] value = Arrays.copyOfRange(initial, i * width, (i + 1) * width);
                    model.add(key(value));
                    seen.add(value);
                }
                for (int step = 0; step < 1_000; step++) {
                    int action = random.nextInt(20);
                    long[] value = random.nextInt(3) == 0 ? values(random, width, 1)
                            : seen.get(random.nextInt(seen.size()));
                    if (action < 8) {
                        index.addAll(value);
                        model.add(key(value));
                        seen.add(value);
                    } else if (action < 16) {
                        index.removeAll(value);
                        model.remove(key(value));
                    } else if (action == 16) {
                        index.compact();
                    }
                    long[] probe = seen.get(random.nextInt(seen.size()));
                    assertEquals(model.contains(key(probe)), index.contains(probe), "step " + step);
                    assertEquals(model.contains(key(value)), index.contains(value), "step " + step);
                    assertEquals(model.size(), index.size(), "step " + step);
                }
                for (long[] value : seen) {
                    assertEquals(model.contains(key(value)), index.contains(value));
                }
            }
        }
    }

    @Test
    void bulkAdditionsAndRemovalsWithRepeats() {
        SplittableRandom random = new SplittableRandom(9);
        long[] bank = PdqTestData.uniform(random, 5_000);
        long[] more = PdqTestData.uniform(random, 3_000);
        long[] doubled = new long[bank.length * 2];
        System.arraycopy(bank, 0, doubled, 0, bank.length);
        System.arraycopy(bank, 0, doubled, bank.length, bank.length);
        ExactIndex index = ExactIndex.of(4, doubled);
        assertEquals(5_000, index.size());

        index.addAll(more);
        index.addAll(more);
        index.removeAll(Arrays.copyOfRange(bank, 0, 400));
        assertEquals(5_000 + 3_000 - 100, index.size());
        index.addAll(Arrays.copyOfRange(bank, 0, 4));
        index.compact();

        assertEquals(5_000 + 3_000 - 99, index.size());
        assertTrue(index.contains(Arrays.copyOfRange(bank, 0, 4)));
        assertFalse(index.contains(Arrays.copyOfRange(bank, 4, 8)));
        assertTrue(index.contains(Arrays.copyOfRange(more, 40, 44)));
    }

    @Test
    void emptyIndexKnowsNothingAndTakesAdditions() {
        ExactIndex index = ExactIndex.of(2, new long[0]);
        long[] value = HashWords.fromHex("0123456789abcdef0123456789ABCDEF");

        assertFalse(index.contains(value));
        index.addAll(value);
        assertTrue(index.contains(value));
        index.compact();
        assertTrue(index.contains(value));
        assertEquals(1, index.size());
    }

    @Test
    void ordersValuesAsTheirHexSorts() {
        long[] high = HashWords.fromHex("f".repeat(16) + "0".repeat(16));
        long[] low = HashWords.fromHex("0".repeat(16) + "f".repeat(16));
        ExactIndex index = ExactIndex.of(2, new long[] {high[0], high[1], low[0], low[1]});

        assertTrue(index.contains(high));
        assertTrue(index.contains(low));
        assertEquals(48, index.estimatedBytes() - ExactIndex.of(2, new long[0]).estimatedBytes() + 16);
    }

    @Test
    void refusesValuesOfTheWrongWidth() {
        ExactIndex index = ExactIndex.of(4, new long[0]);

        assertThrows(IllegalArgumentException.class, () -> index.contains(new long[2]));
        assertThrows(IllegalArgumentException.class, () -> index.addAll(new long[3]));
        assertThrows(IllegalArgumentException.class, () -> ExactIndex.of(2, new long[3]));
    }

    /** Values with many small words, so that repeats and shared leading words are common. */
    private static long[] values(SplittableRandom random, int width, int count) {
        long[] words = new long[width * count];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextInt(4) == 0 ? random.nextLong(4) : random.nextLong();
        }
        return words;
    }

    private static List<Long> key(long[] value) {
        List<Long> key = new ArrayList<>();
        for (long word : value) {
            key.add(word);
        }
        return key;
    }
}
