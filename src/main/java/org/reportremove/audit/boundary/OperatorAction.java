package org.reportremove.audit.boundary;

/**
 * Operational actions done outside the service that operators record in the audit trail.
 */
public enum OperatorAction {
    KEY_ROTATED,
    BACKUP_RESTORED,
    CONFIGURATION_CHANGED,
    DATA_PURGED,
    INCIDENT_OPENED,
    INCIDENT_CLOSED
}
