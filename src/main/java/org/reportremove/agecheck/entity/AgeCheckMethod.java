package org.reportremove.agecheck.entity;

/**
 * How a provider checked the age. {@code SELF_DECLARATION} is the path without a provider.
 */
public enum AgeCheckMethod {
    DOCUMENT,
    DIGITAL_ID,
    ESTIMATION,
    SELF_DECLARATION
}
