package org.reportremove.cases.control;

import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.Consent;
import org.reportremove.cases.entity.ItemDraft;
import org.reportremove.cases.entity.Language;
import org.reportremove.cases.entity.Location;

import java.util.List;
import java.util.Set;

/**
 * A validated case submission: every value checked, duplicate items merged.
 *
 * @param notes null when none were written
 */
public record Submission(List<ItemDraft> items, List<Location> locations, Set<Concern> concerns, String notes,
                         Consent consent, Language language) {
}
