package org.reportremove.cases.entity;

/**
 * What a young person may know of the work on their case, in short: a stage and counts ("removed from 3 of 4
 * places, blocked on 11 platforms"). Never the assessment category, never which item was found or where. Derived
 * by the capability that follows the case's progress ({@code ProgressSource}).
 *
 * @param placesReported     places where removal was asked for
 * @param placesRemoved      of those, the places where it is removed now (not reappeared since)
 * @param placesRemovedAgain places where it came back and was removed again
 * @param platformsBlocking  platforms that reported blocking uploads
 * @param uploadsBlocked     uploads blocked, summed over the reports
 * @param copiesTakenDown    copies that apps or sites found and took down of their own accord (never which)
 */
public record Progress(ProgressStage stage, int placesReported, int placesRemoved, int placesRemovedAgain,
                       int platformsBlocking, long uploadsBlocked, long copiesTakenDown) {

    public static final Progress RECEIVED = new Progress(ProgressStage.RECEIVED, 0, 0, 0, 0, 0, 0);
}
