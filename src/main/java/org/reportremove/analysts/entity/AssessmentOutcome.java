package org.reportremove.analysts.entity;

/**
 * What an analyst found for one item.
 */
public enum AssessmentOutcome {
    /** Imagery matching the item was found and can be acted on; comes with an {@link AssessmentCategory}. */
    ACTIONABLE,
    /** Found, but not something that can be acted on; comes with a {@link NotActionableReason}. */
    NOT_ACTIONABLE,
    /** Nothing matching the item was found yet. */
    NOT_FOUND
}
