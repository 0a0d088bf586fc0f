package org.reportremove.accounts.control;

import org.reportremove.accounts.entity.AccountId;

import java.util.List;

/**
 * What a capability above accounts holds about an account, said in plain words for the account statement
 * ({@code GET /accounts/me}). Accounts cannot know the capabilities above them, so each one that keeps something
 * per account says so here; erasing the account must erase it too (each observes {@code AccountDeleted}).
 */
public interface HeldWithAccount {

    List<String> describe(AccountId accountId);
}
