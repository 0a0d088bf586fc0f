package org.reportremove.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.ProgressStage;
import org.reportremove.progress.entity.MilestonesReached;

import java.util.EnumSet;

/**
 * A message for each milestone a case reaches, once per milestone per case, whatever the order and number of the
 * events that reach it: the milestone's once-key is kept with the message.
 */
@ApplicationScoped
public class MilestoneMessages {

    public static final String PREFIX = "milestone.";

    @Inject
    Cases cases;

    @Inject
    Inbox inbox;

    void reached(@Observes MilestonesReached reached) {
        cases.find(reached.caseId()).ifPresent(reportCase -> {
            for (ProgressStage milestone : EnumSet.copyOf(reached.milestones())) {
                inbox.writeOnce(reportCase, PREFIX + milestone.name(), onceKey(reportCase, milestone));
            }
        });
    }

    static String onceKey(Case reportCase, ProgressStage milestone) {
        return reportCase.id() + ":" + milestone.name();
    }
}
