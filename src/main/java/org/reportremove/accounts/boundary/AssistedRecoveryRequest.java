package org.reportremove.accounts.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * Setting a new passphrase with the one-time reset code a helpline counsellor gave the young person.
 */
public record AssistedRecoveryRequest(
        @NotNull(message = "is required") String username,
        @NotNull(message = "is required") String resetCode,
        @NotNull(message = "is required") String newPassphrase) {
}
