package org.reportremove.agecheck.entity;

/**
 * How an account's age was assured.
 */
public enum AgeAssurance {
    /** An age assurance provider's signed attestation said under 18. */
    VERIFIED,
    /** The young person chose an age band without ID; a helpline counsellor is asked to confirm it. */
    SELF_DECLARED,
    /** A helpline counsellor confirmed a self-declared age band. */
    HELPLINE_CONFIRMED
}
