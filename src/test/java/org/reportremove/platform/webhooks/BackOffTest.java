package org.reportremove.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackOffTest {

    private static final Instant QUEUED = Instant.parse("2026-11-30T00:00:00Z");
    private final BackOff backOff = new BackOff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        assertEquals(Duration.ofSeconds(5), backOff.ceiling(1));
        assertEquals(Duration.ofSeconds(10), backOff.ceiling(2));
        assertEquals(Duration.ofSeconds(20), backOff.ceiling(3));
        assertEquals(Duration.ofSeconds(2560), backOff.ceiling(10));
        assertEquals(Duration.ofHours(1), backOff.ceiling(11));
        assertEquals(Duration.ofHours(1), backOff.ceiling(1_000));
    }

    @Test
    void jitterDrawsBetweenHalfAndAllOfTheWait() {
        Instant now = QUEUED.plusSeconds(100);
        assertEquals(Optional.of(now.plusSeconds(10)), backOff.next(3, QUEUED, now, 0.0));
        assertEquals(Optional.of(now.plusSeconds(15)), backOff.next(3, QUEUED, now, 0.5));
        Instant latest = backOff.next(3, QUEUED, now, 0.999_999).orElseThrow();
        assertTrue(latest.isBefore(now.plusSeconds(20)) && latest.isAfter(now.plusSeconds(19)));
    }

    @Test
    void retriesStopWhenTheNextTryWouldFallAfterTheRetryPeriod() {
        Instant nearTheEnd = QUEUED.plus(Duration.ofHours(24)).minusSeconds(60);
        assertEquals(Optional.empty(), backOff.next(20, QUEUED, nearTheEnd, 0.0));
        assertEquals(Optional.of(nearTheEnd.plusSeconds(5)), backOff.next(1, QUEUED, nearTheEnd, 1.0));
    }

    @Test
    void theDefaultsTryAboutTwoDozenTimesInADay() {
        Instant now = QUEUED;
        int tries = 0;
        Optional<Instant> next = Optional.of(now);
        while (next.isPresent()) {
            tries++;
            next = backOff.next(tries, QUEUED, next.get(), 1.0);
        }
        // 5 s doubling to an hour: 11 tries in the first 85 minutes, then one an hour for the rest of the day.
        assertEquals(33, tries);
    }

    @Test
    void aBackOffNeedsPositiveWaits() {
        assertThrows(IllegalArgumentException.class, () -> new BackOff(Duration.ZERO, Duration.ofHours(1),
                Duration.ofHours(24)));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(Duration.ofMinutes(2), Duration.ofMinutes(1),
                Duration.ofHours(24)));
    }
}
