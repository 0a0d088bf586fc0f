package org.reportremove.cases.entity;

import org.reportremove.accounts.entity.AccountId;

/** A case was erased with its account: everything it held is deleted in this transaction. */
public record CaseErased(String caseId, AccountId accountId) {
}
