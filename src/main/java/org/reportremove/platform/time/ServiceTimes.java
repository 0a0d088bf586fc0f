package org.reportremove.platform.time;

import java.time.Instant;

/**
 * The span of times the service ever writes (from 2000 to the end of 9999). A time read back from a client, in a
 * cursor say, outside it was not given out by the service, and PostgreSQL could not even compare with some of them
 * (its timestamps end in the year 294276): such a time is refused where it is read, never sent to the database.
 */
public final class ServiceTimes {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private ServiceTimes() {
    }

    public static boolean holds(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
