package org.reportremove.analysts.control;

import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Packages handed to the analyst side, each held for it until {@code leaseExpiresAt} or its acknowledgement.
 */
public record LeasedPackages(OffsetDateTime leaseExpiresAt, List<JsonObject> packages) {
}
