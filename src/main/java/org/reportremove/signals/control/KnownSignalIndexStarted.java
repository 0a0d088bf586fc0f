package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * {@code /health/started} says the same as readiness about the bank, so a startup probe waits for the load (give it
 * the time a load takes: about a minute at ten million hashes) and an operator sees why a new node is not started.
 */
@Startup
@ApplicationScoped
public class KnownSignalIndexStarted implements HealthCheck {

    @Inject
    KnownSignalIndexState state;

    @Override
    public HealthCheckResponse call() {
        return KnownSignalIndexReadiness.describe(state);
    }
}
