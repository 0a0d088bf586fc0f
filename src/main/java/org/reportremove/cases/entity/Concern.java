package org.reportremove.cases.entity;

/**
 * What worries the young person about this case. {@code THREATENED} and {@code AT_RISK} raise a safeguarding flag
 * for the helpline (with consent) and always bring safety advice. ({@code UNDER_13} is not reported by the young
 * person: it comes from the account's age band, as a {@link PriorityFlag}.)
 */
public enum Concern {
    /** Someone demands money or more images, or threatens to share. */
    THREATENED,
    AI_OR_ALTERED,
    KNOWS_WHO,
    /** The young person says they are not safe. */
    AT_RISK;

    public boolean needsSafeguarding() {
        return this == THREATENED || this == AT_RISK;
    }
}
