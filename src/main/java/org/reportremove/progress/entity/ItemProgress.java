package org.reportremove.progress.entity;

import org.reportremove.analysts.entity.AssessmentOutcome;
import org.reportremove.cases.entity.ProgressStage;

/**
 * Where one item of a case stands.
 *
 * @param number  the item's number in the case, as its owner knows it
 * @param outcome whether the analysts could act on it (their latest word), or null before any assessment; only
 *                ever shown as words, never as a category
 * @param foundByAnalysts the analysts found it where the young person said it was
 */
public record ItemProgress(int number, ProgressStage stage, AssessmentOutcome outcome, boolean foundByAnalysts) {

    public ItemProgress(int number, ProgressStage stage, AssessmentOutcome outcome) {
        this(number, stage, outcome, false);
    }

    /** The analysts looked and could not act on it (yet): its owner is told kindly what they can still do. */
    public boolean notActedOn() {
        return outcome == AssessmentOutcome.NOT_ACTIONABLE || outcome == AssessmentOutcome.NOT_FOUND;
    }
}
