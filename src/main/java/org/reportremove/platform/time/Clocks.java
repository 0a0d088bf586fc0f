package org.reportremove.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one wall clock of the service, in UTC; rules take a {@link Clock} so their tests can fix the time. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
