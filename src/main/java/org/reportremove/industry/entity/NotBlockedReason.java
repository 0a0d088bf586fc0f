package org.reportremove.industry.entity;

/** Why a platform did not block a match. */
public enum NotBlockedReason {
    /** The match seems to be of something else: the analysts look at the item again, first of all. */
    SUSPECTED_FALSE_MATCH,
    /** The platform's policy does not let it act on this signal. */
    OUT_OF_POLICY,
    /** The platform cannot match this kind of signal. */
    UNSUPPORTED_SIGNAL,
    OTHER
}
