package org.reportremove.platform.webhooks;

/** Why a delivery failed for good. */
public enum FailureReason {
    /** Every try within the retry period failed. */
    RETRIES_EXHAUSTED,
    /** The endpoint answered 410 Gone: the subscription is switched off. */
    GONE,
    /** The subscription had been switched off (after a 410) when the delivery's turn came. */
    DISABLED,
    /** The message named no partner: there is nobody to send it to (recorded, never sent, not replayable). */
    UNDELIVERABLE
}
