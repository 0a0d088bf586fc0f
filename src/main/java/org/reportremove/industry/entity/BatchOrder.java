package org.reportremove.industry.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The order in which one batch of waiting entries joins the feed: random, except that no two neighbours come from
 * the same case (their group), nor the first from the case that ended the previous batch. A shuffle alone would
 * leave a case's signals side by side often enough to link them; this never does, unless one case holds more than
 * half of the batch, when it cannot be helped (and the feed's hourly batching makes that rare).
 */
public final class BatchOrder {

    /** An entry waiting for publication, with the opaque key of the case it came from. */
    public record Waiting(String feedId, String group) {
    }

    private BatchOrder() {
    }

    /**
     * @param previousGroup the group of the entry that ended the previous batch, or null
     * @return the same entries, in the order they are to be published
     */
    public static List<Waiting> of(List<Waiting> batch, String previousGroup, RandomGenerator random) {
        Map<String, List<Waiting>> byGroup = new LinkedHashMap<>();
        List<Waiting> shuffled = new ArrayList<>(batch);
        Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
        shuffled.forEach(entry -> byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry));
        List<Waiting> ordered = new ArrayList<>(batch.size());
        String last = previousGroup;
        int remaining = batch.size();
        while (remaining > 0) {
            String chosen = choose(byGroup, last, remaining, random);
            List<Waiting> left = byGroup.get(chosen);
            ordered.add(left.remove(left.size() - 1));
            if (left.isEmpty()) {
                byGroup.remove(chosen);
            }
            last = chosen;
            remaining--;
        }
        return ordered;
    }

    private static String choose(Map<String, List<Waiting>> byGroup, String last, int remaining,
                                 RandomGenerator random) {
        String largest = null;
        int most = 0;
        int others = 0;
        for (Map.Entry<String, List<Waiting>> group : byGroup.entrySet()) {
            int size = group.getValue().size();
            if (size > most) {
                largest = group.getKey();
                most = size;
            }
            if (!Objects.equals(group.getKey(), last)) {
                others += size;
            }
        }
        // A group holding more than half of what is left must go now, or it will end up beside itself.
        if (2 * most > remaining && !Objects.equals(largest, last)) {
            return largest;
        }
        if (others == 0) {
            return last;
        }
        int pick = random.nextInt(others);
        for (Map.Entry<String, List<Waiting>> group : byGroup.entrySet()) {
            if (Objects.equals(group.getKey(), last)) {
                continue;
            }
            pick -= group.getValue().size();
            if (pick < 0) {
                return group.getKey();
            }
        }
        throw new IllegalStateException("no group chosen");
    }
}
