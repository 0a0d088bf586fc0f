package org.reportremove.accounts.entity;

/**
 * An account was erased, in the erasing transaction: capabilities that hold data of the account (sessions, cases,
 * messages) erase or detach theirs before it commits.
 *
 * @param withdrawCases the young person asked for their cases to be withdrawn too (blocking of their hashes ends);
 *                      otherwise the cases are detached from the account and what the analyst side holds stays
 */
public record AccountDeleted(AccountId accountId, boolean withdrawCases) {
}
