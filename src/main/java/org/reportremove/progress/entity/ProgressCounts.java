package org.reportremove.progress.entity;

/**
 * The numbers a young person cares about: "removed from 3 of 4 places, blocked on 11 platforms".
 *
 * @param placesReported     places where removal was asked for (a notice sent) or where the analysts acted
 * @param placesRemoved      of those, the places where it is gone now (not come back since)
 * @param placesRemovedAgain places where it came back and was then removed again
 * @param platformsBlocking  platforms that reported blocking uploads of it
 * @param uploadsBlocked     uploads blocked, summed over those reports
 * @param copiesTakenDown    copies that platforms reported taking down of their own accord (their {@code REMOVED}
 *                           feedback), summed over those reports: not a place the young person told us of
 */
public record ProgressCounts(int placesReported, int placesRemoved, int placesRemovedAgain, int platformsBlocking,
                             long uploadsBlocked, long copiesTakenDown) {

    public static final ProgressCounts NONE = new ProgressCounts(0, 0, 0, 0, 0, 0);
}
