package org.reportremove.accounts.control;

/**
 * Fired when an account has been erased, in the erasing transaction: capabilities that hold data of the
 * account (cases, messages) erase or withdraw theirs.
 */
public record AccountDeleted(String accountId) {
}
