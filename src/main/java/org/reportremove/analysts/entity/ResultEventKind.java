package org.reportremove.analysts.entity;

/**
 * The kinds of result event the analyst side sends back.
 */
public enum ResultEventKind {
    ASSESSMENT,
    REMOVAL_ACTION,
    CASE_CLOSED
}
