package org.reportremove.accounts.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * The passphrase again, for a change that cannot be undone, and what becomes of the cases.
 *
 * @param withdrawCases true to withdraw every case as well, which ends the blocking of its hashes; left out or
 *                      false, the cases are detached from the account and keep being blocked
 */
public record ErasureRequest(@NotNull(message = "is required") String passphrase, Boolean withdrawCases) {

    boolean withdrawing() {
        return Boolean.TRUE.equals(withdrawCases);
    }
}
