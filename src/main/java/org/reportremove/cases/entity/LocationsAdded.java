package org.reportremove.cases.entity;

import org.reportremove.accounts.entity.AccountId;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;

/**
 * A young person named more places where an open case is shared. Carries no place: whoever needs them opens the
 * case's sealed details.
 */
public record LocationsAdded(String caseId, AccountId accountId, AgeAssuranceOutcome age) {
}
