package org.reportremove.audit.entity;

/**
 * Every action the audit trail records, with the kind of object it is done to. The names are what the trail
 * stores: a published name never changes meaning.
 */
public enum AuditAction {
    AGE_CHECK_STARTED(ObjectType.AGE_CHECK),
    AGE_CHECK_VERIFIED(ObjectType.AGE_CHECK),
    AGE_CHECK_REFUSED(ObjectType.AGE_CHECK),
    ACCOUNT_OPENED(ObjectType.ACCOUNT),
    SIGNED_IN(ObjectType.ACCOUNT),
    PASSPHRASE_RECOVERED(ObjectType.ACCOUNT),
    PASSPHRASE_RESET_ASSISTED(ObjectType.ACCOUNT),
    ACCOUNT_DELETED(ObjectType.ACCOUNT),
    KNOWN_SIGNALS_IMPORTED(ObjectType.KNOWN_SIGNAL_IMPORT),
    CASE_SUBMITTED(ObjectType.CASE),
    CASE_ITEMS_ADDED(ObjectType.CASE),
    CASE_LOCATIONS_ADDED(ObjectType.CASE),
    CASE_WITHDRAWN(ObjectType.CASE),
    CASE_ERASED(ObjectType.CASE),
    /** The young person gave, changed or withdrew consent to follow-up by helpline partners. */
    CONSENT_CHANGED(ObjectType.CASE),
    // What helpline counsellors did with a case their helpline may follow up; the actor is <client>:<counsellor>.
    HELPLINE_CASE_READ(ObjectType.CASE),
    HELPLINE_NOTES_READ(ObjectType.CASE),
    HELPLINE_NOTE_WRITTEN(ObjectType.CASE),
    HELPLINE_MESSAGE_SENT(ObjectType.CASE),
    HELPLINE_AGE_CONFIRMED(ObjectType.CASE),
    HELPLINE_AGE_CORRECTED(ObjectType.CASE),
    HELPLINE_RESET_CODE_ISSUED(ObjectType.CASE),
    ANALYST_ASSESSMENT_RECORDED(ObjectType.CASE),
    ANALYST_REMOVAL_RECORDED(ObjectType.CASE),
    ANALYST_CASE_CLOSED(ObjectType.CASE),
    ANALYST_ITEM_FOUND(ObjectType.CASE),
    INDUSTRY_FEED_READ(ObjectType.PLATFORM),
    INDUSTRY_FEEDBACK_RECEIVED(ObjectType.PLATFORM),
    INDUSTRY_SIGNALS_WITHDRAWN(ObjectType.CASE),
    ANALYST_BUNDLE_EXPORTED(ObjectType.ANALYST_BUNDLE),
    ANALYST_BUNDLE_IMPORTED(ObjectType.ANALYST_BUNDLE),
    AUDIT_VERIFIED(ObjectType.AUDIT_CHAIN),
    /** Records past their retention were removed; the object id is their kind and count, never which. */
    RECORDS_PURGED(ObjectType.RETENTION),
    // Operational actions done outside the service, recorded by operators.
    KEY_ROTATED(ObjectType.OPERATION),
    BACKUP_RESTORED(ObjectType.OPERATION),
    CONFIGURATION_CHANGED(ObjectType.OPERATION),
    DATA_PURGED(ObjectType.OPERATION),
    INCIDENT_OPENED(ObjectType.OPERATION),
    INCIDENT_CLOSED(ObjectType.OPERATION);

    /** What an action is done to. */
    public enum ObjectType {
        AGE_CHECK, ACCOUNT, KNOWN_SIGNAL_IMPORT, CASE, ANALYST_BUNDLE, AUDIT_CHAIN, RETENTION, OPERATION, PLATFORM
    }

    private final ObjectType objectType;

    AuditAction(ObjectType objectType) {
        this.objectType = objectType;
    }

    public ObjectType objectType() {
        return objectType;
    }
}
