package org.reportremove.platform.webhooks;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting for its first or next try. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Given up on (see {@link FailureReason}); an operator may replay it. */
    FAILED
}
