package org.reportremove.industry.entity;

import java.time.LocalDate;

/**
 * One change of the feed as a platform reads it: a signal added or removed, under its feed id, on a day. Nothing
 * else: no case, no list of siblings, no time finer than the day.
 *
 * @param position the change's place in the feed (never shown: checkpoints carry it sealed)
 */
public record FeedChange(long position, String id, String signalType, String signalValue, Kind kind, LocalDate day) {

    /** Whether the signal joined or left the feed. */
    public enum Kind {
        ADDED, REMOVED
    }
}
