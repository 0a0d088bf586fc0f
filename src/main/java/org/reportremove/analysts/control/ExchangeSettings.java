package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long packages stay leased: briefly for an online puller (which acknowledges within seconds), long for an
 * exported bundle (which waits for removable media to come back).
 */
@ApplicationScoped
public class ExchangeSettings {

    @Inject
    @ConfigProperty(name = "reportremove.analysts.lease-seconds", defaultValue = "300")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "reportremove.analysts.bundles.lease-hours", defaultValue = "336")
    long bundleLeaseHours;

    @Inject
    @ConfigProperty(name = "reportremove.analysts.bundles.max-packages", defaultValue = "10000")
    int bundleMaxPackages;

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration bundleLease() {
        return Duration.ofHours(bundleLeaseHours);
    }

    public int bundleMaxPackages() {
        return bundleMaxPackages;
    }
}
