package org.reportremove.cases.entity;

import org.reportremove.accounts.entity.AccountId;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;

import java.util.List;

/**
 * Items were added to an open case (or signals to items it held).
 *
 * @param itemReferences the items added or changed, by their analyst-side reference
 */
public record ItemsAdded(String caseId, AccountId accountId, AgeAssuranceOutcome age, List<ItemReference> itemReferences) {

    public ItemsAdded {
        itemReferences = List.copyOf(itemReferences);
    }
}
