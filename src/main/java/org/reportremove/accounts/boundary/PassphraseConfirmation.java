package org.reportremove.accounts.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * The passphrase again, for a change that cannot be undone.
 */
public record PassphraseConfirmation(@NotNull(message = "is required") String passphrase) {
}
