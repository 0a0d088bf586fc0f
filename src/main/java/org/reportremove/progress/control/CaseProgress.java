package org.reportremove.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.control.ProgressSource;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Progress;
import org.reportremove.progress.entity.DerivedProgress;
import org.reportremove.progress.entity.ProgressRules;

/**
 * A case's progress, derived from its facts each time it is asked for.
 */
@ApplicationScoped
public class CaseProgress implements ProgressSource {

    @Inject
    Cases cases;

    @Inject
    ProgressFactsReader facts;

    public DerivedProgress of(Case reportCase) {
        return ProgressRules.derive(facts.of(reportCase));
    }

    @Override
    public Progress of(String caseId) {
        return cases.find(caseId).map(reportCase -> of(reportCase).summary()).orElse(Progress.RECEIVED);
    }
}
