package org.reportremove.agecheck.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgeCheckTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final AttestedAge BY_DOCUMENT = new AttestedAge(AgeCheckMethod.DOCUMENT, Optional.empty());

    @Test
    void verifiedCheckIsClaimedOnceWithItsOutcome() {
        AgeCheck check = verifiedCheck();

        AgeAssuranceOutcome outcome = check.claim(START.plusSeconds(120));

        assertEquals(new AgeAssuranceOutcome(AgeAssurance.VERIFIED, AgeBand.AGE_13_15, AgeCheckMethod.DOCUMENT,
                "provider", START.plusSeconds(60)), outcome);
        assertEquals(AgeCheckStatus.CLAIMED, check.status());
        Problem again = assertThrows(ProblemException.class, () -> check.claim(START.plusSeconds(121))).problem();
        assertEquals(409, again.status());
        assertEquals("urn:reportremove:problem:age-check-used", again.type());
    }

    @Test
    void pendingCheckCannotBeClaimed() {
        AgeCheck check = AgeCheck.start("id-1", "nonce", START, TEN_MINUTES);

        assertInvalidAgeCheckId(() -> check.claim(START.plusSeconds(1)));
        assertEquals(AgeCheckStatus.PENDING, check.status());
    }

    @Test
    void verifiedCheckExpiresTenMinutesAfterVerification() {
        AgeCheck check = verifiedCheck();

        assertInvalidAgeCheckId(() -> check.claim(START.plusSeconds(60).plus(TEN_MINUTES).plusSeconds(1)));
        assertEquals(AgeCheckStatus.VERIFIED, check.status());
    }

    @Test
    void nonceMatchesOnlyUntilVerified() {
        AgeCheck check = AgeCheck.start("id-1", "the-nonce", START, TEN_MINUTES);
        assertTrue(check.isForNonce("the-nonce"));
        assertFalse(check.isForNonce("another-nonce"));
        assertFalse(check.isForNonce(null));

        check.verify("provider", BY_DOCUMENT, AgeBand.AGE_16_17, START.plusSeconds(1), TEN_MINUTES);

        assertFalse(check.isForNonce("the-nonce"));
    }

    @Test
    void attestationIsRefusedOnceCompleteOrExpired() {
        AgeCheck expired = AgeCheck.start("id-1", "nonce", START, TEN_MINUTES);
        Problem late = assertThrows(ProblemException.class,
                () -> expired.ensureAwaitingAttestation(START.plus(TEN_MINUTES).plusSeconds(1))).problem();
        assertEquals("urn:reportremove:problem:age-check-expired", late.type());

        AgeCheck verified = verifiedCheck();
        Problem used = assertThrows(ProblemException.class,
                () -> verified.ensureAwaitingAttestation(START.plusSeconds(61))).problem();
        assertEquals("urn:reportremove:problem:age-check-used", used.type());
        assertThrows(IllegalStateException.class,
                () -> verified.verify("provider", BY_DOCUMENT, AgeBand.AGE_13_15, START, TEN_MINUTES));
    }

    private static AgeCheck verifiedCheck() {
        AgeCheck check = AgeCheck.start("id-1", "nonce", START, TEN_MINUTES);
        check.ensureAwaitingAttestation(START.plusSeconds(60));
        check.verify("provider", BY_DOCUMENT, AgeBand.AGE_13_15, START.plusSeconds(60), TEN_MINUTES);
        return check;
    }

    private static void assertInvalidAgeCheckId(org.junit.jupiter.api.function.Executable claim) {
        Problem problem = assertThrows(ProblemException.class, claim).problem();
        assertEquals(400, problem.status());
        assertEquals("urn:reportremove:problem:invalid-fields", problem.type());
        assertEquals("ageCheckId", problem.errors().get(0).field());
    }
}
