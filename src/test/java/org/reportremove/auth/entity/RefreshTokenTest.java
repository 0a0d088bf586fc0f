package org.reportremove.auth.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshTokenTest {

    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final String ACCOUNT = "4f1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b";
    private static final String FAMILY = "0b9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c";

    /** The token, and the instants its issue happened between (the entity reads the clock itself). */
    private record Issued(RefreshToken token, Instant notBefore, Instant notAfter) {

        static Issued now() {
            Instant before = Instant.now();
            RefreshToken token = RefreshToken.issue(ACCOUNT, FAMILY, "ab".repeat(32), LIFETIME);
            return new Issued(token, before, Instant.now());
        }

        /** Surely before the token expires. */
        Instant lastValid() {
            return notBefore.plus(LIFETIME);
        }

        /** Surely after the token expired. */
        Instant firstExpired() {
            return notAfter.plus(LIFETIME).plusNanos(1);
        }
    }

    @Test
    void issuedTokenIsUnspentAndBelongsToItsAccountAndFamily() {
        RefreshToken token = Issued.now().token();

        assertFalse(token.spent());
        assertEquals(ACCOUNT, token.accountId());
        assertEquals(FAMILY, token.familyId());
    }

    @Test
    void tokenIsUsedOnceThenEveryPresentationIsAReplay() {
        Issued issued = Issued.now();
        RefreshToken token = issued.token();

        assertEquals(RefreshToken.Rotation.USE, token.rotate(issued.notAfter()));
        assertTrue(token.spent());
        assertEquals(RefreshToken.Rotation.REPLAYED, token.rotate(issued.notAfter().plusSeconds(1)));
        assertEquals(RefreshToken.Rotation.REPLAYED, token.rotate(issued.notAfter().plusSeconds(1)));
    }

    @Test
    void tokenCanBeUsedUpToTheEndOfItsLifetime() {
        Issued issued = Issued.now();

        assertEquals(RefreshToken.Rotation.USE, issued.token().rotate(issued.lastValid()));
    }

    @Test
    void tokenPresentedAfterItsLifetimeIsExpiredAndStaysUnspent() {
        Issued issued = Issued.now();
        RefreshToken token = issued.token();

        assertEquals(RefreshToken.Rotation.EXPIRED, token.rotate(issued.firstExpired()));
        assertFalse(token.spent());
        assertEquals(RefreshToken.Rotation.EXPIRED, token.rotate(issued.firstExpired().plus(Duration.ofDays(400))));
    }

    @Test
    void spentTokenPresentedAfterItsLifetimeIsStillAReplay() {
        Issued issued = Issued.now();
        RefreshToken token = issued.token();
        token.rotate(issued.notAfter());

        assertEquals(RefreshToken.Rotation.REPLAYED, token.rotate(issued.firstExpired()));
    }

    @Test
    void revokedTokenCountsAsSpent() {
        Issued issued = Issued.now();
        RefreshToken token = issued.token();

        token.revoke(issued.notAfter());

        assertTrue(token.spent());
        assertEquals(RefreshToken.Rotation.REPLAYED, token.rotate(issued.notAfter().plusSeconds(1)));
        assertEquals(RefreshToken.Rotation.REPLAYED, token.rotate(issued.firstExpired()));
    }

    /**
     * Whatever happens to a token in whatever order (presented before or after expiry, revoked), it is used at most
     * once, never after its lifetime, and never after it was revoked; everything after a use or revocation is a
     * replay.
     */
    @Test
    void tokenIsUsedAtMostOnceWhateverHappensInWhateverOrder() {
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            Issued issued = Issued.now();
            RefreshToken token = issued.token();
            boolean spent = false;
            List<String> history = new ArrayList<>();
            for (int step = 0; step < 1 + random.nextInt(6); step++) {
                boolean late = random.nextBoolean();
                Instant at = late ? issued.firstExpired().plusSeconds(random.nextInt(100_000))
                        : issued.lastValid().minusSeconds(random.nextInt(100_000));
                if (random.nextInt(5) == 0) {
                    token.revoke(at);
                    spent = true;
                    history.add("revoked");
                    continue;
                }
                RefreshToken.Rotation expected = spent ? RefreshToken.Rotation.REPLAYED
                        : late ? RefreshToken.Rotation.EXPIRED : RefreshToken.Rotation.USE;
                RefreshToken.Rotation rotation = token.rotate(at);
                history.add((late ? "late " : "in time ") + rotation);

                assertEquals(expected, rotation, "seed " + seed + ": " + history);
                spent = spent || rotation == RefreshToken.Rotation.USE;
                assertEquals(spent, token.spent(), "seed " + seed + ": " + history);
            }
            assertTrue(history.stream().filter(h -> h.endsWith("USE")).count() <= 1, "seed " + seed);
        }
    }
}
