package org.reportremove.audit.boundary;

/**
 * Operational actions done outside the service that operators may record in the audit trail: the operation
 * actions of {@link org.reportremove.audit.entity.AuditAction}, by the same names.
 */
public enum OperatorAction {
    KEY_ROTATED,
    BACKUP_RESTORED,
    CONFIGURATION_CHANGED,
    DATA_PURGED,
    INCIDENT_OPENED,
    INCIDENT_CLOSED
}
