package org.reportremove.analysts.entity;

/**
 * The kinds of result event the analyst side sends back.
 */
public enum ResultEventKind {
    ASSESSMENT,
    REMOVAL_ACTION,
    CASE_CLOSED,
    /** The analyst side found imagery at a place the case names and made its signals: a new item of the case. */
    ITEM_FOUND
}
