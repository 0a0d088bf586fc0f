package org.reportremove.helpline.entity;

/**
 * The events a helpline partner is told about a case it may follow up, as CloudEvents types. Their data carries
 * the case reference, flag, concern and milestone names, message ids and days: never signals, places, notes,
 * message text or usernames (the partner fetches what it may see through the counsellor API).
 */
public enum HelplineEventType {
    CASE_SUBMITTED("case.submitted"),
    SAFEGUARDING_RAISED("safeguarding.raised"),
    CASE_PROGRESSED("case.progressed"),
    MESSAGE_RECEIVED("message.received"),
    CASE_WITHDRAWN("case.withdrawn"),
    CONSENT_WITHDRAWN("consent.withdrawn"),
    ACCOUNT_DELETED("account.deleted");

    private final String type;

    HelplineEventType(String type) {
        this.type = type;
    }

    /** The CloudEvents {@code type}, also the outbox message's type. */
    public String type() {
        return type;
    }
}
