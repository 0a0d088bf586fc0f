package org.reportremove.platform.webhooks;

import java.time.Instant;

/** A delivery claimed for a try: its body (the CloudEvent) opened, held under {@code claimToken}. */
record DueDelivery(String id, String partner, String eventType, String body, int attempts, Instant queuedAt,
                   String claimToken) {
}
