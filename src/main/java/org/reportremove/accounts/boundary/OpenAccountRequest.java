package org.reportremove.accounts.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Opening an account: a username, a passphrase, and either a completed age check or a self-declared age band.
 *
 * @param ageCheckId          a verified age check (each can open one account)
 * @param selfDeclaredAgeBand {@code UNDER_13}, {@code 13_15} or {@code 16_17}, for a young person without ID
 */
public record OpenAccountRequest(
        @NotNull(message = "is required") String username,
        @NotNull(message = "is required") String passphrase,
        String ageCheckId,
        @Pattern(regexp = "UNDER_13|13_15|16_17", message = "must be one of UNDER_13, 13_15, 16_17")
        String selfDeclaredAgeBand) {
}
