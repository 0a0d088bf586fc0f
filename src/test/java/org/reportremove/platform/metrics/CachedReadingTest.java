package org.reportremove.platform.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cache in front of gauges that read the database: one read per period however often it is asked, and a
 * failed read neither cached nor shown as a failure.
 */
class CachedReadingTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerPeriodHoweverOftenItIsAsked() {
        CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(5), nanos::get, 0);

        assertEquals(1, reading.get());
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertEquals(1, reading.get());
        assertEquals(1, reads.get(), "asked twice within the period, read once");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(2, reading.get(), "read again once the period is over");
    }

    @Test
    void aFailedReadKeepsTheLastValueAndIsTriedAgainNextTime() {
        AtomicInteger value = new AtomicInteger(7);
        boolean[] failing = {false};
        CachedReading<Integer> reading = new CachedReading<>(() -> {
            reads.incrementAndGet();
            if (failing[0]) {
                throw new IllegalStateException("database away");
            }
            return value.get();
        }, Duration.ofSeconds(5), nanos::get, -1);

        failing[0] = true;
        assertEquals(-1, reading.get(), "never read: the stand-in value");
        failing[0] = false;
        assertEquals(7, reading.get(), "a failure is not cached: the next call reads");
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        failing[0] = true;
        value.set(9);
        assertEquals(7, reading.get(), "the last reading while the database is away");
        assertEquals(3, reads.get());
    }
}
