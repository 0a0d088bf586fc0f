package org.reportremove.cases.boundary;

import java.time.OffsetDateTime;

/**
 * One of the young person's cases, in a list.
 */
public record CaseSummary(String reference, String status, OffsetDateTime submittedAt, int items) {
}
