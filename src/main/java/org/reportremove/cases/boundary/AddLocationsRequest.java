package org.reportremove.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Places found after the case was submitted, under the same rules; a place the case names already is not added
 * twice, so sending the same request again changes nothing.
 */
public record AddLocationsRequest(
        @NotNull(message = "is required: 1 to 20 locations") @Valid List<LocationRequest> locations) {
}
