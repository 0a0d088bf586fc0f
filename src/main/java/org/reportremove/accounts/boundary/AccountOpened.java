package org.reportremove.accounts.boundary;

import java.util.List;

/**
 * The answer to opening an account. The recovery codes are shown this once and never again.
 */
public record AccountOpened(String accountId, String username, String ageAssurance, String ageBand,
                            List<String> recoveryCodes, String advice) {
}
