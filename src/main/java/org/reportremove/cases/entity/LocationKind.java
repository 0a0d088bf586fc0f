package org.reportremove.cases.entity;

/**
 * How a location is given: an address, a platform, or "I don't know where".
 */
public enum LocationKind {
    URL,
    PLATFORM,
    DONT_KNOW
}
