package org.reportremove.analysts.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * How many packages to lease at most: 1 to 500, checked in the resource (range constraints on record fields break
 * the OpenAPI document Payara generates).
 */
public record LeaseRequest(@NotNull(message = "is required: 1 to 500") Integer max) {
}
