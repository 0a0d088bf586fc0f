package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until this node's copy of the bank is loaded: a node that answered from the database instead would
 * take a second per submission at a million PDQ hashes. Liveness is not touched, so a long load is never mistaken
 * for a hung process.
 */
@Readiness
@ApplicationScoped
public class KnownSignalIndexReadiness implements HealthCheck {

    static final String NAME = "known-signals";

    @Inject
    KnownSignalIndexState state;

    @Override
    public HealthCheckResponse call() {
        return describe(state);
    }

    /** UP once loaded; otherwise DOWN, saying why: still loading (and how far), or the last load failed. */
    static HealthCheckResponse describe(KnownSignalIndexState state) {
        KnownSignalIndexState.Phase phase = state.phase();
        var response = HealthCheckResponse.named(NAME)
                .status(phase == KnownSignalIndexState.Phase.READY)
                .withData("index", phase.name().toLowerCase(java.util.Locale.ROOT));
        if (phase == KnownSignalIndexState.Phase.READY) {
            response.withData("values", state.sizes().values().stream().mapToLong(Long::longValue).sum())
                    .withData("loadSeconds", Math.round(state.loadSeconds() * 10) / 10.0 + "")
                    .withData("followedTo", state.followedTo());
        } else {
            response.withData("reason", phase == KnownSignalIndexState.Phase.LOADING
                            ? "loading the bank of known signals into memory"
                            : "the bank of known signals could not be read; trying again")
                    .withData("valuesRead", state.valuesRead())
                    .withData("valuesExpected", state.valuesExpected());
        }
        return response.build();
    }
}
