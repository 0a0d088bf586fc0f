package org.reportremove.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * Produces the clock: UTC, since times are stored and compared in UTC and shown to the day.
 */
@ApplicationScoped
public class ServiceClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
