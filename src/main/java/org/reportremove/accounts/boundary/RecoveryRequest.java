package org.reportremove.accounts.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * Setting a new passphrase with one of the recovery codes given when the account was opened.
 */
public record RecoveryRequest(
        @NotNull(message = "is required") String username,
        @NotNull(message = "is required") String recoveryCode,
        @NotNull(message = "is required") String newPassphrase) {
}
