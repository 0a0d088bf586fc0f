package org.reportremove.analysts.entity;

import java.time.OffsetDateTime;

/** The analyst side acknowledged a package about a case: the case is with the analysts. */
public record AnalystPackageDelivered(String caseId, OffsetDateTime at) {
}
