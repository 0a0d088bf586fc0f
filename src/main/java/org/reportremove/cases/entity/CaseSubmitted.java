package org.reportremove.cases.entity;

import org.reportremove.accounts.entity.AccountId;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;

/**
 * A young person submitted a case. Observed in the submitting transaction (the analyst package, the audit row),
 * so nothing is told unless the case is stored, and the case is not stored unless everything is told.
 *
 * @param age how the submitter's age was assured, for the priority flags and the age band the analysts see
 */
public record CaseSubmitted(String caseId, AccountId accountId, AgeAssuranceOutcome age) {
}
