package org.reportremove.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reportremove.analysts.entity.AnalystCaseClosed;
import org.reportremove.analysts.entity.AnalystItemFound;
import org.reportremove.analysts.entity.AnalystPackageDelivered;
import org.reportremove.analysts.entity.AssessmentRecorded;
import org.reportremove.analysts.entity.RemovalRecorded;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.progress.entity.MilestonesReached;

/**
 * Hears every recorded fact that can move a case on and tells which milestones the case has reached, in the
 * transaction of the fact itself: whatever is written because of a milestone commits with the fact or not at all.
 */
@ApplicationScoped
public class MilestoneWatch {

    @Inject
    Cases cases;

    @Inject
    CaseProgress progress;

    @Inject
    Event<MilestonesReached> reached;

    void submitted(@Observes CaseSubmitted event) {
        tell(event.caseId());
    }

    void delivered(@Observes AnalystPackageDelivered event) {
        tell(event.caseId());
    }

    void assessed(@Observes AssessmentRecorded event) {
        tell(event.caseId());
    }

    void removal(@Observes RemovalRecorded event) {
        tell(event.caseId());
    }

    void found(@Observes AnalystItemFound event) {
        tell(event.caseId());
    }

    void closed(@Observes AnalystCaseClosed event) {
        tell(event.caseId());
    }

    void withdrawn(@Observes CaseWithdrawn event) {
        tell(event.caseId());
    }

    private void tell(String caseId) {
        cases.find(caseId).ifPresent(reportCase ->
                reached.fire(new MilestonesReached(caseId, progress.of(reportCase).milestones().keySet())));
    }
}
