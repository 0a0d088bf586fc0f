package org.reportremove.platform.webhooks;

/** How many failed deliveries will be sent again. */
public record ReplayAnswer(int replayed) {
}
