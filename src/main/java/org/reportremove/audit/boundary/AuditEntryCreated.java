package org.reportremove.audit.boundary;

import java.time.Instant;

/**
 * The audit entry just recorded.
 */
public record AuditEntryCreated(long id, String action, Instant occurredAt) {
}
