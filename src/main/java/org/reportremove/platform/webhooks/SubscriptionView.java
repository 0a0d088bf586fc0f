package org.reportremove.platform.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as operators see it: the endpoint without query or credentials, never a secret; how many secrets
 * sign (two while one is rotated); its delivery state.
 *
 * @param circuit {@code closed}, or {@code open} while this node holds the endpoint's deliveries back
 */
public record SubscriptionView(String partner, String endpoint, List<String> events, int secrets, boolean enabled,
                               String circuit, long pending, long failed, long delivered, Instant lastDeliveredAt,
                               Instant lastFailedAt) {
}
