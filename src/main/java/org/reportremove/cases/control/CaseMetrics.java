package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;

/**
 * Cases submitted and withdrawn, counted once their transaction has committed (a submission that rolled back is
 * no case). No labels: nothing about a case belongs in a metric.
 */
@ApplicationScoped
public class CaseMetrics {

    static final String SUBMITTED = "reportremove_cases_submitted";
    static final String WITHDRAWN = "reportremove_cases_withdrawn";

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        submitted();
        withdrawn();
    }

    void caseSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseSubmitted event) {
        submitted().inc();
    }

    void caseWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseWithdrawn event) {
        withdrawn().inc();
    }

    private Counter submitted() {
        return registry.counter(Metadata.builder().withName(SUBMITTED)
                .withDescription("Cases submitted by young people").build());
    }

    private Counter withdrawn() {
        return registry.counter(Metadata.builder().withName(WITHDRAWN)
                .withDescription("Cases withdrawn, by their owner or with the owner's account").build());
    }
}
