package org.reportremove.analysts.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageHoldBackTest {

    /** A stand-in for the keyed digest: a hex digest that depends on purpose and value. */
    private static final BinaryOperator<String> DIGEST = (purpose, value) ->
            org.reportremove.platform.crypto.Digests.sha256Hex(purpose + "\n" + value);
    private static final OffsetDateTime TEN_PAST = OffsetDateTime.parse("2026-05-01T18:10:07Z");

    @Test
    void aPackageWaitsUntilItsHourHasEndedPlusAJitterOfAtMostTheMaximum() {
        for (int second = 0; second < 3600; second += 7) {
            OffsetDateTime queued = TEN_PAST.withMinute(0).withSecond(0).plusSeconds(second);
            OffsetDateTime available = at(queued, true, 15, false).availableAt(false);

            assertTrue(!available.isBefore(OffsetDateTime.parse("2026-05-01T19:00:00Z"))
                    && !available.isAfter(OffsetDateTime.parse("2026-05-01T19:15:00Z")), queued + " -> " + available);
        }
    }

    @Test
    void everyPackageOfOneHourComesOutAtTheSameMomentSoNothingTellsTheMinute() {
        OffsetDateTime first = at(TEN_PAST, true, 15, false).availableAt(false);

        assertEquals(first, at(TEN_PAST.plusMinutes(49), true, 15, false).availableAt(false));
        assertEquals(first, at(TEN_PAST.minusMinutes(10), true, 15, true).availableAt(false));
    }

    @Test
    void aLaterHourNeverComesOutBeforeAnEarlierOneAndTheJitterVaries() {
        Set<Long> jitters = new HashSet<>();
        OffsetDateTime previous = null;
        for (int hour = 0; hour < 200; hour++) {
            OffsetDateTime queued = TEN_PAST.plusHours(hour);
            OffsetDateTime available = at(queued, true, 59, false).availableAt(false);
            OffsetDateTime hourEnds = queued.withMinute(0).withSecond(0).plusHours(1);
            jitters.add(Duration.between(hourEnds, available).toSeconds());
            if (previous != null) {
                assertTrue(available.isAfter(previous), "hour " + hour);
            }
            previous = available;
        }

        assertTrue(jitters.size() > 150, "the jitter is not a constant: " + jitters.size() + " distinct");
    }

    @Test
    void priorityPackagesWaitTooUnlessAnOperatorExemptsThem() {
        assertEquals(OffsetDateTime.parse("2026-05-01T19:00:00Z"), at(TEN_PAST, true, 0, false).availableAt(true));
        assertEquals(TEN_PAST, at(TEN_PAST, true, 0, true).availableAt(true));
        assertEquals(OffsetDateTime.parse("2026-05-01T19:00:00Z"), at(TEN_PAST, true, 0, true).availableAt(false));
    }

    @Test
    void switchedOffAPackageIsAvailableAtOnce() {
        assertEquals(TEN_PAST, at(TEN_PAST, false, 15, false).availableAt(false));
    }

    private static PackageHoldBack at(OffsetDateTime now, boolean enabled, int maxJitterMinutes,
                                      boolean priorityExempt) {
        Clock clock = Clock.fixed(Instant.from(now), ZoneOffset.UTC);
        return PackageHoldBack.of(clock, enabled, maxJitterMinutes, priorityExempt, DIGEST);
    }
}
