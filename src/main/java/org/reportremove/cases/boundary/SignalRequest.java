package org.reportremove.cases.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.signals.boundary.SignalTypeName;

/**
 * One hash of an item, as the on-device library printed it.
 *
 * @param value   hexadecimal (upper case is accepted and stored in lower case)
 * @param quality perceptual types (PDQ) only: 0 to 100
 */
public record SignalRequest(
        @NotNull(message = "is required") @SignalTypeName String type,
        @NotNull(message = "is required") String value,
        Integer quality) {
}
