package org.reportremove.auth.entity;

import org.reportremove.accounts.entity.AccountId;

/** A young person signed in with their passphrase: a new session began. */
public record SignedIn(AccountId accountId) {
}
