package org.reportremove.industry.entity;

/** What a platform did about a signal of the feed. */
public enum FeedbackOutcome {
    /** It blocked uploads that matched the signal (with how many). */
    MATCHED,
    /** It took down copies already on it that matched (with how many). */
    REMOVED,
    /** It did not block a match, with a reason. */
    NOT_BLOCKED
}
