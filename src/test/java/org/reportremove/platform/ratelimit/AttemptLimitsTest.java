package org.reportremove.platform.ratelimit;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttemptLimitsTest {

    private static final String ADDRESS = "203.0.113.5";
    private static final String OTHER_ADDRESS = "198.51.100.7";
    /** Ids that keep purpose and value apart, as the keyed digest does. */
    private static final BinaryOperator<String> PLAIN_IDS = (purpose, value) -> purpose + "\n" + value;

    /** A clock the test moves by hand, so refills happen exactly when the test says. */
    private static final class HandClock implements TimeMeter {
        private long nanos = Duration.ofDays(1000).toNanos();

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void fiveFailuresForOneUsernameFromOneAddressWithinAQuarterHourThenRefusedUntilOneRefills() {
        AttemptLimits limits = limits(100, 10);
        for (int i = 0; i < 5; i++) {
            limits.attempt("alice", ADDRESS);
        }

        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> limits.attempt("alice", ADDRESS));

        // 5 attempts per 15 minutes refill one every 3 minutes: wait those 180 seconds, and one more for rounding.
        assertAll(
                () -> assertEquals(181, refused.retryAfterSeconds()),
                () -> assertEquals("Too many attempts. Wait 4 minutes and try again, or ask a counsellor for help.",
                        refused.getMessage()));
        clock.advance(Duration.ofSeconds(179));
        assertEquals(2, assertThrows(TooManyAttempts.class, () -> limits.attempt("alice", ADDRESS))
                .retryAfterSeconds());
        clock.advance(Duration.ofSeconds(1));
        limits.attempt("alice", ADDRESS);
        assertThrows(TooManyAttempts.class, () -> limits.attempt("alice", ADDRESS));
    }

    @Test
    void aQuarterHourAfterTheLastFailureTheSubjectHasFiveAttemptsAgain() {
        AttemptLimits limits = limits(100, 10);
        failUntilRefused(limits, "alice", ADDRESS);

        clock.advance(AttemptLimits.WINDOW);

        assertEquals(5, failUntilRefused(limits, "alice", ADDRESS));
    }

    @Test
    void oneSubjectRefusedLeavesOtherSubjectsAlone() {
        AttemptLimits limits = limits(100, 10);
        failUntilRefused(limits, "alice", ADDRESS);

        assertEquals(5, failUntilRefused(limits, "bob", ADDRESS));
        assertEquals(5, failUntilRefused(limits, "carol", OTHER_ADDRESS));
    }

    @Test
    void onlyFailuresCountBecauseASuccessGivesItsAttemptBack() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            AttemptLimits limits = limits(1000, 10);
            int failures = 0;
            List<String> outcomes = new ArrayList<>();
            while (failures < AttemptLimits.PER_USERNAME) {
                limits.attempt("alice", ADDRESS);
                if (random.nextInt(3) == 0) {
                    limits.succeeded("alice", ADDRESS);
                    outcomes.add("right");
                } else {
                    failures++;
                    outcomes.add("wrong");
                }
            }
            String because = "seed " + seed + ": " + outcomes;

            assertThrows(TooManyAttempts.class, () -> limits.attempt("alice", ADDRESS), because);
        }
    }

    @Test
    void successesAloneNeverRunOut() {
        AttemptLimits limits = limits(5, 10);
        for (int i = 0; i < 100; i++) {
            limits.attempt("alice", ADDRESS);
            limits.succeeded("alice", ADDRESS);
        }

        assertEquals(5, failUntilRefused(limits, "alice", ADDRESS));
    }

    @Test
    void oneAddressIsRefusedAcrossSubjectsAndGivesTheSubjectsAttemptBack() {
        AttemptLimits limits = limits(10, 10);
        for (int i = 0; i < 10; i++) {
            limits.attempt("subject-" + i, ADDRESS);
        }

        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> limits.attempt("dave", ADDRESS));

        // 10 attempts per 15 minutes refill one every 90 seconds.
        assertEquals(91, refused.retryAfterSeconds());
        assertEquals(5, failUntilRefused(limits, "dave", OTHER_ADDRESS));
        assertEquals(5, failUntilRefused(limits, "subject-0", OTHER_ADDRESS));
    }

    @Test
    void aSubjectRefusedOnItsOwnTakesNothingFromTheAddress() {
        AttemptLimits limits = limits(6, 10);
        failUntilRefused(limits, "alice", ADDRESS);
        for (int i = 0; i < 20; i++) {
            assertThrows(TooManyAttempts.class, () -> limits.attempt("alice", ADDRESS));
        }

        assertEquals(1, failUntilRefused(limits, "bob", ADDRESS));
    }

    @Test
    void openingsAreLimitedPerAddressPerHour() {
        AttemptLimits limits = limits(100, 3);
        for (int i = 0; i < 3; i++) {
            limits.opening(ADDRESS);
        }

        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> limits.opening(ADDRESS));

        // 3 openings an hour refill one every 20 minutes.
        assertEquals(1201, refused.retryAfterSeconds());
        assertDoesNotThrow(() -> limits.opening(OTHER_ADDRESS));
        clock.advance(Duration.ofMinutes(20));
        limits.opening(ADDRESS);
        assertThrows(TooManyAttempts.class, () -> limits.opening(ADDRESS));
    }

    @Test
    void bucketsAreNamedByTheDigestOfPurposeAndValueAlone() {
        Set<List<String>> digested = ConcurrentHashMap.newKeySet();
        AttemptLimits limits = AttemptLimits.inMemory(10, 3, (purpose, value) -> {
            digested.add(List.of(purpose, value));
            return PLAIN_IDS.apply(purpose, value);
        }, clock);

        limits.attempt("alice", ADDRESS);
        limits.succeeded("alice", ADDRESS);
        limits.opening(OTHER_ADDRESS);

        assertEquals(Set.of(List.of("rate-limit:user-address", "alice\n" + ADDRESS),
                List.of("rate-limit:address", ADDRESS),
                List.of("rate-limit:open", OTHER_ADDRESS)), digested);
    }

    @Test
    void subjectAndAddressOfTheSameTextAreDifferentBuckets() {
        AttemptLimits limits = limits(5, 1);

        assertEquals(5, failUntilRefused(limits, ADDRESS, ADDRESS));
        limits.opening(ADDRESS);
    }

    @Test
    void bucketsThatHaveFilledAgainAreRemoved() {
        AttemptLimits limits = limits(10, 3);
        limits.attempt("alice", ADDRESS);
        limits.attempt("bob", ADDRESS);
        limits.opening(OTHER_ADDRESS);

        assertEquals(0, limits.removeExpired());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, limits.removeExpired(), "the address; the pairs remember the day");
        clock.advance(Duration.ofMinutes(45));
        assertEquals(1, limits.removeExpired(), "the opening");
        clock.advance(Duration.ofDays(1));
        assertEquals(2, limits.removeExpired());
        assertEquals(0, limits.removeExpired());
    }

    @Test
    void failuresFromOneAddressDoNotHoldTheOwnerUpOnAnother() {
        AttemptLimits limits = limits(1000, 10);
        for (int stranger = 0; stranger < 100; stranger++) {
            try {
                limits.attempt("alice", ADDRESS);
            } catch (TooManyAttempts refused) {
                clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));
            }
        }

        assertDoesNotThrow(() -> limits.attempt("alice", OTHER_ADDRESS));
        limits.succeeded("alice", OTHER_ADDRESS);
        assertEquals(5, failUntilRefused(limits, "alice", OTHER_ADDRESS));
    }

    @Test
    void theWaitGrowsAsFailuresGoOn() {
        AttemptLimits limits = limits(1000, 10);
        List<Long> waits = new ArrayList<>();
        while (waits.size() < 20) {
            try {
                limits.attempt("alice", ADDRESS);
            } catch (TooManyAttempts refused) {
                waits.add(refused.retryAfterSeconds());
                clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));
            }
        }

        // 5 a quarter hour (one per 3 minutes), then 10 an hour (one per 6), then 20 a day (one per 72).
        String because = waits.toString();
        assertEquals(181, waits.get(0), because);
        assertTrue(waits.stream().anyMatch(wait -> wait > 300 && wait <= 361), because);
        assertTrue(waits.get(waits.size() - 1) > 3600, because);
        for (int i = 1; i < waits.size(); i++) {
            assertTrue(waits.get(i) >= waits.get(i - 1) - 2, "never shorter again: " + because);
        }
    }

    @Test
    void anErasureConfirmationIsLimitedPerAccountAloneWithGrowingWaits() {
        AttemptLimits limits = limits(5, 10);
        failUntilRefused(limits, "alice", ADDRESS);
        for (int i = 0; i < 5; i++) {
            limits.confirmation("account-1");
        }

        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> limits.confirmation("account-1"));

        assertEquals(181, refused.retryAfterSeconds());
        assertDoesNotThrow(() -> limits.confirmation("account-2"));
        clock.advance(Duration.ofSeconds(180));
        limits.confirmation("account-1");
        limits.confirmed("account-1");
        limits.confirmation("account-1");
        assertThrows(TooManyAttempts.class, () -> limits.confirmation("account-1"));
    }

    private AttemptLimits limits(int perAddress, int openingsPerHour) {
        return AttemptLimits.inMemory(perAddress, openingsPerHour, PLAIN_IDS, clock);
    }

    /** How many failed attempts are let through before the next is refused. */
    private static int failUntilRefused(AttemptLimits limits, String subject, String address) {
        for (int let = 0; let < 1000; let++) {
            try {
                limits.attempt(subject, address);
            } catch (TooManyAttempts refused) {
                return let;
            }
        }
        throw new AssertionError("never refused");
    }
}
