package org.reportremove.platform.outbox;

/**
 * Who a message is for. Each topic has its own consumer.
 */
public enum Topic {
    /** Hash-only packages for the analysts' environment. */
    ANALYSTS,
    /** Safeguarding flags for the helpline partner. */
    HELPLINE
}
