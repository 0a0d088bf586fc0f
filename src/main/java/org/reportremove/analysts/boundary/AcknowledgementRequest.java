package org.reportremove.analysts.boundary;

import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * The ids of up to 500 leased packages (a lease's worth) that the analyst side has stored. Checked in the resource,
 * so that a wrong entry is named by its place in the list.
 */
public record AcknowledgementRequest(@NotNull(message = "is required: 1 to 500 package ids") List<String> packageIds) {
}
