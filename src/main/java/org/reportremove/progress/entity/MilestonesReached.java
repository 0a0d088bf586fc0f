package org.reportremove.progress.entity;

import org.reportremove.cases.entity.ProgressStage;

import java.util.Set;

/**
 * Something happened on a case, and these are all the milestones it has reached so far (not only the new ones:
 * whoever writes once per milestone keeps track of which it already told). Ids and milestones only.
 */
public record MilestonesReached(String caseId, Set<ProgressStage> milestones) {

    public MilestonesReached {
        milestones = Set.copyOf(milestones);
    }
}
