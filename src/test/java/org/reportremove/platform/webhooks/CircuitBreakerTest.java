package org.reportremove.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30));

    @Test
    void opensAfterTheThresholdOfFailuresInARow() {
        breaker.failed(NOW);
        breaker.failed(NOW);
        assertTrue(breaker.allows(NOW));
        breaker.failed(NOW);
        assertFalse(breaker.allows(NOW.plusSeconds(29)));
        assertTrue(breaker.open(NOW.plusSeconds(29)));
        assertEquals(NOW.plusSeconds(30), breaker.closedAgainAt(NOW.plusSeconds(1)));
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        breaker.failed(NOW);
        breaker.failed(NOW);
        breaker.succeeded();
        breaker.failed(NOW);
        breaker.failed(NOW);
        assertTrue(breaker.allows(NOW));
    }

    @Test
    void halfOpenLetsOneTryThroughWhichClosesOrReopensIt() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(NOW);
        }
        Instant later = NOW.plusSeconds(30);
        assertTrue(breaker.allows(later));
        assertFalse(breaker.allows(later), "only one trial while half open");
        breaker.failed(later);
        assertFalse(breaker.allows(later.plusSeconds(29)));

        assertTrue(breaker.allows(later.plusSeconds(30)));
        breaker.succeeded();
        assertTrue(breaker.allows(later.plusSeconds(30)));
        assertTrue(breaker.allows(later.plusSeconds(30)));
        assertFalse(breaker.open(later.plusSeconds(30)));
    }
}
