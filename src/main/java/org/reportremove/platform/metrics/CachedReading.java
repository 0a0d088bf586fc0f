package org.reportremove.platform.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@code maxAge}: every gauge of a scrape (and every replica's
 * scrape within the period) is answered from one query. A failed read is not cached, so the next scrape tries
 * again; until one succeeds, the last value read is kept.
 */
public final class CachedReading<T> {

    /** How long a reading is reused: shorter than any scrape interval worth alerting on. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(5);

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final T whenNeverRead;
    private T value;
    private long readAt;
    private boolean hasValue;

    CachedReading(Supplier<T> read, Duration maxAge, LongSupplier nanoTime, T whenNeverRead) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.whenNeverRead = whenNeverRead;
    }

    /** Reads through {@code read} at most once per {@link #DEFAULT_MAX_AGE}; {@code whenNeverRead} until it works. */
    public static <T> CachedReading<T> of(Supplier<T> read, T whenNeverRead) {
        return new CachedReading<>(read, DEFAULT_MAX_AGE, System::nanoTime, whenNeverRead);
    }

    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!hasValue || now - readAt >= maxAgeNanos) {
            try {
                value = read.get();
                readAt = now;
                hasValue = true;
            } catch (RuntimeException e) {
                // The database is away: the gauge shows the last reading; readiness reports the outage.
                return hasValue ? value : whenNeverRead;
            }
        }
        return value;
    }
}
