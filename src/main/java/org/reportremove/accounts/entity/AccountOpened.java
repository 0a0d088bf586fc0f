package org.reportremove.accounts.entity;

/** A young person opened an account. */
public record AccountOpened(AccountId accountId) {
}
