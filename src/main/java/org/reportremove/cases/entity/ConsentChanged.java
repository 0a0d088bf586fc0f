package org.reportremove.cases.entity;

import org.reportremove.accounts.entity.AccountId;

import java.util.Set;

/**
 * A young person gave, changed or withdrew consent to follow-up on one of their cases. The partner sets are in their
 * stored form ({@link Consent#EVERY_PARTNER} stands for every helpline partner). Ids only.
 */
public record ConsentChanged(String caseId, AccountId accountId, Set<String> before, Set<String> after) {

    public ConsentChanged {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }
}
