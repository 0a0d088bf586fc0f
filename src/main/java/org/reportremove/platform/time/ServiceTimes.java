package org.reportremove.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;

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

    /**
     * Whether a time read from a client lies before the span, compared without converting it to an instant, which
     * a year near the parser's limits cannot be.
     */
    public static boolean beforeEarliest(OffsetDateTime time) {
        return time.toEpochSecond() < EARLIEST.getEpochSecond();
    }
}
