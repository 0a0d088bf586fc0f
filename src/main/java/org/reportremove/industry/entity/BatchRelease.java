package org.reportremove.industry.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Whether the entries due in an hour are published now. A batch that holds the signals of one case only would say,
 * by itself, that its signals belong together: it is held back until another case's signals are due with it (they
 * join the next hour's batch), or until its oldest entry has waited the longest allowed, when it is published alone
 * rather than keep a young person's signals from platforms any longer (the trade-off is in the threat model).
 */
public final class BatchRelease {

    /** An entry due for publication: its feed id, the opaque key of its case and the hour it was shared in. */
    public record Due(String feedId, String group, Instant queuedHour) {
    }

    private BatchRelease() {
    }

    /**
     * @param due     the entries whose hour has ended
     * @param now     the time of publication
     * @param longest how long a batch of one case may be held back at most
     * @return the entries to publish now: all of them, or none while a one-case batch is held back
     */
    public static List<Due> of(List<Due> due, Instant now, Duration longest) {
        if (due.isEmpty() || due.stream().map(Due::group).distinct().count() > 1) {
            return due;
        }
        Instant oldest = due.stream().map(Due::queuedHour).min(Comparator.naturalOrder()).orElseThrow();
        return oldest.plus(longest).isAfter(now) ? List.of() : due;
    }
}
