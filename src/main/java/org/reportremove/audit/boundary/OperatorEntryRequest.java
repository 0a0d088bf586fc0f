package org.reportremove.audit.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.reportremove.platform.validation.OneOf;

/**
 * An operational action to record.
 *
 * @param action   what was done: an {@link OperatorAction} name
 * @param objectId what it was done to, as an id (a key id, a backup id, a ticket number): never free text
 */
public record OperatorEntryRequest(
        @NotNull(message = "is required")
        @OneOf(OperatorAction.class)
        String action,
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9._:@-]{1,100}",
                message = "must be an id of 1 to 100 letters, digits, '.', '_', ':', '@' or '-'")
        String objectId) {
}
