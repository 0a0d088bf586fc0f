package org.reportremove.platform.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed delivery again: the wait doubles from {@code first} up to {@code longest}, each wait drawn
 * between half and all of it (jitter, so that endpoints coming back are not hit by every delivery at once), and
 * retries stop once the next try would fall later than {@code retryFor} after the event was queued.
 */
public record BackOff(Duration first, Duration longest, Duration retryFor) {

    public BackOff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || retryFor.isNegative()) {
            throw new IllegalArgumentException("the back-off needs 0 < first <= longest and retryFor >= 0");
        }
    }

    /** The longest wait before try {@code attempts + 1}, before jitter. */
    Duration ceiling(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        Duration wait = first;
        for (int i = 0; i < doublings && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /**
     * When to try again after {@code attempts} failed tries, or empty when retries have run out.
     *
     * @param random a number in [0, 1) that picks the jitter
     */
    public Optional<Instant> next(int attempts, Instant queuedAt, Instant now, double random) {
        Duration ceiling = ceiling(attempts);
        long halfNanos = ceiling.toNanos() / 2;
        Duration wait = Duration.ofNanos(halfNanos + (long) (halfNanos * Math.min(Math.max(random, 0), 1)));
        Instant next = now.plus(wait);
        return next.isAfter(queuedAt.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }
}
