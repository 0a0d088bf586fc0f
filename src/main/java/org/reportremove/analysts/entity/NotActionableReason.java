package org.reportremove.analysts.entity;

/**
 * Why an item found by the analysts cannot be acted on. docs/api-analysts.md describes each one.
 */
public enum NotActionableReason {
    NOT_SEXUAL,
    AGE_NOT_ESTABLISHED,
    NOT_THE_REPORTED_ITEM,
    OUTSIDE_REMIT,
    OTHER
}
