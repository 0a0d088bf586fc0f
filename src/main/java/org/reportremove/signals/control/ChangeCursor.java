package org.reportremove.signals.control;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a node is in the bank's change log. Sequence numbers are handed out when a change is written but become
 * visible when its transaction commits, so a number may show up after higher ones (or never, if its transaction
 * rolled back). The cursor keeps the highest number seen and the numbers below it not seen yet, the gaps; each
 * poll reads what lies above the highest and asks again for the gaps. A gap still open after the grace period
 * belonged to a rolled-back transaction and is given up. Since applying a change re-reads the bank's row, reading
 * one twice does no harm; missing one would.
 */
final class ChangeCursor {

    /** Gaps kept at most: past this, the oldest are given up (a burst of rollbacks, not a normal day). */
    static final int MAX_GAPS = 10_000;

    private final long graceMillis;
    private final Map<Long, Long> gaps = new TreeMap<>();
    private long highest;

    ChangeCursor(long start, long graceMillis) {
        this.highest = start;
        this.graceMillis = graceMillis;
    }

    /** The highest sequence number seen: the next poll reads above it. */
    long highest() {
        return highest;
    }

    /** The numbers below {@link #highest()} not seen yet, to ask for again. */
    Set<Long> gaps() {
        return Set.copyOf(gaps.keySet());
    }

    /** Takes the numbers a poll read (above the highest, or filling gaps), at {@code nowMillis}. */
    void saw(Collection<Long> sequences, long nowMillis) {
        for (long sequence : sequences.stream().sorted().toList()) {
            if (sequence > highest) {
                for (long missing = Math.max(highest + 1, sequence - MAX_GAPS); missing < sequence; missing++) {
                    gaps.put(missing, nowMillis);
                }
                highest = sequence;
            } else {
                gaps.remove(sequence);
            }
        }
        Iterator<Map.Entry<Long, Long>> open = gaps.entrySet().iterator();
        while (open.hasNext()) {
            Map.Entry<Long, Long> gap = open.next();
            if (nowMillis - gap.getValue() > graceMillis || gaps.size() > MAX_GAPS) {
                open.remove();
            }
        }
    }
}
