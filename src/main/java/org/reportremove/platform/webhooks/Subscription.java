package org.reportremove.platform.webhooks;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One partner's webhook subscription: where its events go, the secrets they are signed with (several while a
 * secret is rotated) and the event types it takes. Its {@code toString} names the partner only.
 */
public record Subscription(String partner, URI url, List<WebhookSecret> secrets, Set<String> events) {

    public Subscription {
        secrets = List.copyOf(secrets);
        events = Set.copyOf(events);
    }

    public boolean takes(String eventType) {
        return events.contains(eventType);
    }

    /** The endpoint without user information, query or fragment, which may hold credentials: for operators. */
    public String endpoint() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "Subscription[" + partner + "]";
    }
}
