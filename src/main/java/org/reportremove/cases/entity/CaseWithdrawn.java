package org.reportremove.cases.entity;

import org.reportremove.accounts.entity.AccountId;

/** A young person withdrew a case (or it was withdrawn with their account): its signals must be withdrawn too. */
public record CaseWithdrawn(String caseId, AccountId accountId) {
}
