package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;

/**
 * Result events from the analyst side by what became of them. The one label, {@code outcome}, takes the four
 * statuses of {@link EventResult}; nothing about an event, its case or its reason for rejection is a label.
 */
@ApplicationScoped
public class ExchangeMetrics {

    static final String RESULT_EVENTS = "reportremove_analyst_result_events";
    static final List<String> OUTCOMES = List.of(EventResult.APPLIED, EventResult.DUPLICATE, EventResult.REJECTED,
            EventResult.IGNORED);

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        OUTCOMES.forEach(outcome -> count(outcome, 0));
    }

    void counted(List<EventResult> results) {
        results.forEach(result -> count(result.status(), 1));
    }

    private void count(String outcome, long n) {
        if (OUTCOMES.contains(outcome)) {
            registry.counter(Metadata.builder().withName(RESULT_EVENTS)
                    .withDescription("Result events received from the analyst side, by outcome").build(),
                    new Tag("outcome", outcome)).inc(n);
        }
    }
}
