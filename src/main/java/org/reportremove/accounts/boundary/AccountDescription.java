package org.reportremove.accounts.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Everything we hold about the account, with the same in plain words.
 */
public record AccountDescription(String accountId, String username, Instant openedAt, String ageAssurance,
                                 String ageBand, String ageCheckedBy, Instant ageCheckedAt,
                                 long recoveryCodesLeft, List<String> inPlainWords) {
}
