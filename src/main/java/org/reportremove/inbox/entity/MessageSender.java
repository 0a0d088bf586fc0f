package org.reportremove.inbox.entity;

/** Who a message is from. */
public enum MessageSender {
    /** Written by the service when something happened on a case (or nothing did for a while). */
    SERVICE,
    /** Written by a helpline counsellor. */
    COUNSELLOR
}
