package org.reportremove.helpline.boundary;

import org.reportremove.cases.entity.Location;
import org.reportremove.progress.entity.ProgressCounts;

import java.time.LocalDate;
import java.util.List;

/**
 * One case as a counsellor of a consented helpline sees it, exactly what the data-boundary table allows: the age
 * band and how age was assured, concerns and flags, the young person's notes and places (they consented to this
 * helpline), progress by milestone, and the message thread. Never signals, assessment categories or the analyst
 * reference; never the username or account id.
 */
public record HelplineCaseView(String reference, String status, String language, LocalDate submittedOn,
                               LocalDate withdrawnOn, String ageBand, String ageAssurance, List<String> flags,
                               List<String> concerns, String contactBy, String notes, List<Location> locations,
                               ProgressPart progress, List<ThreadMessage> messages) {

    /** Where removal stands: the stage, each milestone reached (to the day) and the counts. */
    public record ProgressPart(String stage, List<Milestone> milestones, ProgressCounts counts) {
    }

    /** A milestone and the day it was first reached. */
    public record Milestone(String milestone, LocalDate reachedOn) {
    }

    /**
     * One message between this helpline's counsellors and the young person, oldest first.
     *
     * @param from       {@code COUNSELLOR} or {@code YOUNG_PERSON}
     * @param counsellor for a counsellor's message, the counsellor id that sent it
     * @param inReplyTo  for a reply, the counsellor's message it answers
     */
    public record ThreadMessage(String id, String from, String counsellor, String text, String inReplyTo,
                                java.time.OffsetDateTime writtenAt, Boolean read) {
    }
}
