package org.reportremove.helpline.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * The age band a counsellor confirmed with the young person: the same as declared, or the right one.
 *
 * @param ageBand {@code UNDER_13}, {@code 13_15} or {@code 16_17}
 */
public record AgeConfirmationRequest(@NotNull(message = "is required") String ageBand) {
}
