package org.reportremove.industry.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.industry.entity.BatchOrder.Waiting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchOrderTest {

    @Test
    void noTwoNeighboursComeFromOneCaseWheneverThatCanBe() {
        for (long seed = 0; seed < 2000; seed++) {
            Random random = new Random(seed);
            List<Waiting> batch = new ArrayList<>();
            int cases = 2 + random.nextInt(8);
            for (int c = 0; c < cases; c++) {
                int signals = 1 + random.nextInt(6);
                for (int s = 0; s < signals; s++) {
                    batch.add(new Waiting("f" + c + "-" + s, "case-" + c));
                }
            }
            String previous = random.nextBoolean() ? null : "case-" + random.nextInt(cases);
            int largest = batch.stream().collect(java.util.stream.Collectors.groupingBy(Waiting::group,
                    java.util.stream.Collectors.counting())).values().stream().mapToInt(Long::intValue).max().orElse(0);
            long ofPrevious = batch.stream().filter(w -> w.group().equals(previous)).count();
            boolean possible = 2 * largest <= batch.size() + 1 && 2 * ofPrevious <= batch.size();

            List<Waiting> ordered = BatchOrder.of(batch, previous, new Random(seed * 31 + 7));

            assertEquals(new HashSet<>(batch), new HashSet<>(ordered), "the same entries, seed " + seed);
            assertEquals(batch.size(), ordered.size());
            if (possible) {
                assertNotEquals(previous, ordered.get(0).group(), "seed " + seed);
                for (int i = 1; i < ordered.size(); i++) {
                    assertNotEquals(ordered.get(i - 1).group(), ordered.get(i).group(), "seed " + seed + " at " + i);
                }
            }
        }
    }

    @Test
    void theOrderIsNotTheOrderTheEntriesCameIn() {
        List<Waiting> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(new Waiting("f" + i, "case-" + (i % 10)));
        }
        Set<List<Waiting>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(BatchOrder.of(batch, null, new Random(seed)));
        }
        assertTrue(orders.size() > 15, "orders differ from batch to batch");
        assertTrue(!orders.contains(batch));
    }
}
