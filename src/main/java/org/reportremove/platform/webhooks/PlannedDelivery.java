package org.reportremove.platform.webhooks;

import java.time.OffsetDateTime;

/**
 * A delivery the fan-out is about to record: one partner's copy of one message. {@code body} is null for a message
 * that cannot be delivered (then {@code partner} is null too and {@code reason} says why).
 */
record PlannedDelivery(String id, String messageId, String partner, String eventType, String subjectId,
                       String body, OffsetDateTime queuedAt, FailureReason reason) {
}
