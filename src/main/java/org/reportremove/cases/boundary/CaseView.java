package org.reportremove.cases.boundary;

import org.reportremove.cases.entity.Location;
import org.reportremove.cases.entity.Progress;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything a case holds, for its owner only: what they wrote is decrypted for this answer and nowhere else.
 * {@code progress} is what the analysts' work has come to, as a stage and counts (never how the imagery was graded).
 */
public record CaseView(String reference, String status, String language, OffsetDateTime submittedAt,
                       OffsetDateTime withdrawnAt, List<String> concerns, ConsentView consent, String notes,
                       List<Location> locations, List<ItemView> items, Progress progress) {

    /**
     * Whether a counsellor may follow up, how, and which helpline partners ({@code partners} left out: every one).
     */
    public record ConsentView(boolean followUp, String contactBy, List<String> partners) {
    }

    /** An item and its signals. */
    public record ItemView(int number, String contentType, boolean alreadyKnown, List<SignalView> signals) {
    }

    /** A signal as stored (lower-case hex). */
    public record SignalView(String type, String value, Integer quality) {
    }
}
