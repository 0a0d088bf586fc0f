package org.reportremove.platform.webhooks;

import java.time.Instant;

/**
 * What became of one try, to record: delivered, to try again at {@code next}, postponed (not tried: the endpoint's
 * circuit was open) to {@code next}, or failed for good.
 *
 * @param status the HTTP status answered, or 0 when there was no answer (refused, timed out)
 */
record DeliveryOutcome(DueDelivery delivery, Kind kind, int status, Instant next, FailureReason reason) {

    enum Kind { DELIVERED, RETRY, POSTPONED, FAILED }

    static DeliveryOutcome delivered(DueDelivery delivery, int status) {
        return new DeliveryOutcome(delivery, Kind.DELIVERED, status, null, null);
    }

    static DeliveryOutcome retry(DueDelivery delivery, int status, Instant next) {
        return new DeliveryOutcome(delivery, Kind.RETRY, status, next, null);
    }

    static DeliveryOutcome postponed(DueDelivery delivery, Instant next) {
        return new DeliveryOutcome(delivery, Kind.POSTPONED, 0, next, null);
    }

    static DeliveryOutcome failed(DueDelivery delivery, int status, FailureReason reason) {
        return new DeliveryOutcome(delivery, Kind.FAILED, status, null, reason);
    }
}
