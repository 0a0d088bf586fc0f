package org.reportremove.analysts.control;

/**
 * What became of one result event.
 *
 * @param status {@code applied}, {@code duplicate} (seen before: nothing changed), {@code ignored} (the case was
 *               withdrawn) or {@code rejected}
 * @param reason for a rejection: {@code INVALID_EVENT}, {@code UNKNOWN_REFERENCE} or {@code ITEM_NOT_IN_CASE}
 * @param detail for a rejection: which member is wrong and why
 */
public record EventResult(String eventId, String status, String reason, String detail) {

    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";
    public static final String IGNORED = "ignored";
    public static final String REJECTED = "rejected";

    static EventResult applied(String eventId) {
        return new EventResult(eventId, APPLIED, null, null);
    }

    static EventResult duplicate(String eventId) {
        return new EventResult(eventId, DUPLICATE, null, null);
    }

    static EventResult ignored(String eventId) {
        return new EventResult(eventId, IGNORED, null, null);
    }

    static EventResult rejected(String eventId, String reason, String detail) {
        return new EventResult(eventId, REJECTED, reason, detail);
    }
}
