package org.reportremove.inbox.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open case that has been quiet gets a "we're still working on it": once nothing was written to its owner
 * about it for {@code quietFor} (a reminder counts as written, so the next one is as far again).
 */
public record QuietCaseRule(Duration quietFor) {

    public QuietCaseRule {
        if (quietFor.isNegative() || quietFor.isZero()) {
            throw new IllegalArgumentException("a case must be quiet for some time before a reminder");
        }
    }

    public static QuietCaseRule days(int days) {
        return new QuietCaseRule(Duration.ofDays(days));
    }

    /** @param lastWritten the last message about the case (every case has one: its receipt) */
    public boolean due(Instant lastWritten, Instant now) {
        return !lastWritten.plus(quietFor).isAfter(now);
    }

    /** Cases last written to before this are due now. */
    public Instant quietSince(Instant now) {
        return now.minus(quietFor);
    }
}
