package org.reportremove.progress.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * A case's progress as its owner reads it: milestones to the day (never the second), the counts, and words in the
 * case's language. Never a category, a hash or a place.
 *
 * @param inWords        the counts said in words (only those that are not zero)
 * @param stillPossible  only when the analysts could not act on an item (left out otherwise): what the young
 *                       person can still do
 */
public record ProgressView(String reference, String stage, String language, List<MilestoneView> milestones,
                           CountsView counts, List<String> inWords, List<ItemView> items,
                           StillPossibleView stillPossible) {

    /** A milestone reached, the day it was first reached, and what it means. */
    public record MilestoneView(String milestone, LocalDate reachedOn, String title, String explanation,
                                String whatHappensNext) {
    }

    public record CountsView(int placesReported, int placesRemoved, int placesRemovedAgain, int platformsBlocking,
                             long uploadsBlocked, long copiesTakenDown) {
    }

    /** An item by its number in the case, where it stands, in words. */
    public record ItemView(int number, String stage, String inWords) {
    }

    /** What a young person can do where the analysts could not act. */
    public record StillPossibleView(String inWords, List<ReportingPageView> reportingPages) {
    }

    /** A platform named in the case, and its own page for reporting. */
    public record ReportingPageView(String platform, String address) {
    }
}
