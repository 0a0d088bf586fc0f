package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.reportremove.signals.entity.SignalType;

/**
 * This node's copy of the bank, for operators: values held by kind, its memory, whether it is loaded and how long
 * that took, and how closely it follows the change log. All read from {@link KnownSignalIndexState}; no database
 * reading per scrape.
 */
@ApplicationScoped
public class KnownSignalMetrics {

    static final String VALUES = "reportremove_known_signals_values";
    static final String BYTES = "reportremove_known_signals_index_bytes";
    static final String READY = "reportremove_known_signals_ready";
    static final String LOAD_SECONDS = "reportremove_known_signals_load_seconds";
    static final String BEHIND = "reportremove_known_signals_changes_behind";
    static final String FOLLOWED = "reportremove_known_signals_followed_seconds_ago";
    static final String APPLIED = "reportremove_known_signals_changes_applied";

    @Inject
    MetricRegistry registry;

    @Inject
    KnownSignalIndexState state;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (SignalType type : SignalType.all()) {
            registry.gauge(Metadata.builder().withName(VALUES)
                    .withDescription("Known signals held in this node's index, by kind").build(),
                    state, s -> s.sizes().getOrDefault(type, 0L), new Tag("type", type.name()));
        }
        registry.gauge(Metadata.builder().withName(BYTES)
                .withDescription("Approximate heap bytes held by this node's index of known signals").build(),
                state, KnownSignalIndexState::estimatedBytes);
        registry.gauge(Metadata.builder().withName(READY)
                .withDescription("1 once this node's index of known signals is loaded, 0 while loading").build(),
                state, s -> s.phase() == KnownSignalIndexState.Phase.READY ? 1 : 0);
        registry.gauge(Metadata.builder().withName(LOAD_SECONDS)
                .withDescription("How long the last load of the index from the database took").build(),
                state, KnownSignalIndexState::loadSeconds);
        registry.gauge(Metadata.builder().withName(BEHIND)
                .withDescription("Change log rows written that this node had not read at its last poll").build(),
                state, KnownSignalIndexState::changesBehind);
        registry.gauge(Metadata.builder().withName(FOLLOWED)
                .withDescription("Seconds since this node last read the change log (alert when over 5)").build(),
                state, KnownSignalIndexState::secondsSinceFollowed);
        registry.gauge(Metadata.builder().withName(APPLIED)
                .withDescription("Changes read from the change log and applied to this node's index").build(),
                state, KnownSignalIndexState::changesApplied);
    }
}
