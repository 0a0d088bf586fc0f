package org.reportremove.analysts.entity;

/**
 * The legal category of actionable imagery, as graded in the analysts' environment. Never shown to the young
 * person, never logged.
 */
public enum AssessmentCategory {
    A, B, C,
    /** Non-photographic imagery (drawn or generated) that the law prohibits. */
    PROHIBITED
}
