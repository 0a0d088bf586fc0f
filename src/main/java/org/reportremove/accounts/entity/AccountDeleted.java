package org.reportremove.accounts.entity;

/**
 * An account was erased, in the erasing transaction: capabilities that hold data of the account (sessions, cases,
 * messages) erase or detach theirs before it commits.
 */
public record AccountDeleted(AccountId accountId) {
}
