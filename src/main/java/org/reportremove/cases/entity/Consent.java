package org.reportremove.cases.entity;

/**
 * Whether a helpline counsellor may follow up, and how. The details are stored encrypted; only the yes or no is
 * kept in the clear, because it decides what the helpline may see.
 */
public record Consent(boolean followUp, ContactMethod contactBy) {

    public Consent {
        if (followUp && contactBy == null) {
            contactBy = ContactMethod.APP_MESSAGE;
        }
        if (!followUp) {
            contactBy = null;
        }
    }
}
