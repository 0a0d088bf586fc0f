package org.reportremove.platform.outbox;

/**
 * Who a message is for. Each topic has its own consumer.
 */
public enum Topic {
    /** Hash-only packages for the analysts' environment. */
    ANALYSTS,
    /** Safeguarding flags for the helpline partner. */
    HELPLINE,
    /**
     * "You have a new message" for a young person's device, relayed by the helpline partner or a push service:
     * the account's opaque notification id and nothing else.
     */
    NOTIFICATIONS,
    /** Changes of the industry feed that platforms must hear of at once (withdrawn signals), for webhooks. */
    INDUSTRY
}
