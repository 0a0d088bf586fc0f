package org.reportremove.accounts.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Everything we hold about the account, with the same in plain words.
 *
 * @param notificationId what the app may give a notification service so it can say "you have a new message"
 */
public record AccountDescription(String accountId, String username, Instant openedAt, String ageAssurance,
                                 String ageBand, String ageCheckedBy, Instant ageCheckedAt,
                                 long recoveryCodesLeft, String notificationId, List<String> inPlainWords) {
}
