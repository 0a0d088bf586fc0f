package org.reportremove.agecheck.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.platform.validation.InvalidFields;

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
        assertThrows(AgeCheckUsed.class, () -> check.claim(START.plusSeconds(121)));
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
        assertThrows(AgeCheckExpired.class,
                () -> expired.ensureAwaitingAttestation(START.plus(TEN_MINUTES).plusSeconds(1)));

        AgeCheck verified = verifiedCheck();
        assertThrows(AgeCheckUsed.class, () -> verified.ensureAwaitingAttestation(START.plusSeconds(61)));
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
        InvalidFields invalid = assertThrows(InvalidFields.class, claim);
        assertEquals("ageCheckId", invalid.errors().get(0).field());
    }
}
