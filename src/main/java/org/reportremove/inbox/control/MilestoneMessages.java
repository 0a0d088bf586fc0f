package org.reportremove.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.ProgressStage;
import org.reportremove.inbox.entity.MilestoneTold;
import org.reportremove.progress.entity.MilestonesReached;

import java.time.Clock;

import java.util.EnumSet;

/**
 * A message for each milestone a case reaches, once per milestone per case, whatever the order and number of the
 * events that reach it: the milestone's once-key is kept with the message. Each one written is told as
 * {@code MilestoneTold}, so others learn of a milestone once as well.
 */
@ApplicationScoped
public class MilestoneMessages {

    public static final String PREFIX = "milestone.";

    @Inject
    Cases cases;

    @Inject
    Inbox inbox;

    @Inject
    Event<MilestoneTold> told;

    @Inject
    Clock clock;

    void reached(@Observes MilestonesReached reached) {
        cases.find(reached.caseId()).ifPresent(reportCase -> {
            for (ProgressStage milestone : EnumSet.copyOf(reached.milestones())) {
                if (inbox.writeOnce(reportCase, PREFIX + milestone.name(), onceKey(reportCase, milestone))) {
                    told.fire(new MilestoneTold(reportCase.id(), milestone, clock.instant()));
                }
            }
        });
    }

    static String onceKey(Case reportCase, ProgressStage milestone) {
        return reportCase.id() + ":" + milestone.name();
    }
}
