package org.reportremove.analysts.entity;

/**
 * What was done to get an item removed or kept from spreading.
 */
public enum RemovalActionType {
    /** The signals were added to a hash list that industry uses to block uploads (with the list's name). */
    HASH_SHARED,
    /** A notice was sent to the host of a location. */
    NOTICE_SENT,
    /** The host removed it from a location. */
    REMOVED,
    /** It came back at a location it had been removed from. */
    REAPPEARED,
    /** A platform reports uploads it blocked (with a count and the platform). */
    UPLOADS_BLOCKED;

    /** Whether the action is about one location (a URL), which it must then name. */
    public boolean atLocation() {
        return this == NOTICE_SENT || this == REMOVED || this == REAPPEARED;
    }
}
