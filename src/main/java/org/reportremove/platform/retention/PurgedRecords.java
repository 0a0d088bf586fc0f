package org.reportremove.platform.retention;

/**
 * The kinds of records retention removes: the fixed list that audit rows and logs name purges by.
 */
public enum PurgedRecords {
    /** Cases the analysts closed, with their items, inbox messages, analyst records and results. */
    CLOSED_CASES,
    /** Cases their owners withdrew, with the same. */
    WITHDRAWN_CASES,
    /** Age checks past their expiry: started and never finished, or verified and never claimed, or claimed. */
    AGE_CHECKS,
    /** Idempotency keys of case submissions, kept long enough for any retry. */
    IDEMPOTENCY_KEYS,
    /** Partners' used client assertions, kept only until the assertion itself expires. */
    CLIENT_ASSERTIONS,
    /** Outbox messages whose worth has run out (device notifications no relay took). */
    OUTBOX_MESSAGES,
    /** Rows of the known-signal change log every node has long since followed. */
    KNOWN_SIGNAL_CHANGES,
    /** Webhook deliveries that ended (delivered, or failed and not replayed) a while ago. */
    WEBHOOK_DELIVERIES
}
