package org.reportremove.analysts.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * How many packages to lease at most: 1 to 500 (checked in the resource, see the class comment of
 * {@link AnalystPackageResource}).
 */
public record LeaseRequest(@NotNull(message = "is required: 1 to 500") Integer max) {
}
