package org.reportremove.platform.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * One endpoint's circuit breaker, on this node: after {@code threshold} failed tries in a row the endpoint gets no
 * tries for {@code openFor} (its deliveries wait, without using up their retries); then one try is let through, and
 * its outcome closes the circuit or opens it again. Kept here rather than with MicroProfile Fault Tolerance, whose
 * breakers belong to a method, not to each of the endpoints one method sends to.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private int failuresInARow;
    private Instant openUntil;
    private boolean trialOut;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a try may go now; when the circuit has just half-opened, only the first caller's may. */
    synchronized boolean allows(Instant now) {
        if (openUntil == null) {
            return true;
        }
        if (now.isBefore(openUntil) || trialOut) {
            return false;
        }
        trialOut = true;
        return true;
    }

    /** When a try may next go, for deliveries the open circuit holds back. */
    synchronized Instant closedAgainAt(Instant now) {
        return openUntil == null || openUntil.isBefore(now) ? now.plus(openFor) : openUntil;
    }

    synchronized void succeeded() {
        failuresInARow = 0;
        openUntil = null;
        trialOut = false;
    }

    synchronized void failed(Instant now) {
        failuresInARow++;
        if (trialOut || failuresInARow >= threshold) {
            openUntil = now.plus(openFor);
            trialOut = false;
        }
    }

    synchronized boolean open(Instant now) {
        return openUntil != null && (now.isBefore(openUntil) || trialOut);
    }
}
