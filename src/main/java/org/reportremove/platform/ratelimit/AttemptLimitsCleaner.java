package org.reportremove.platform.ratelimit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Removes rate limit buckets that have filled up again, so the table does not keep a row for every username
 * and address that ever failed once.
 */
@Singleton
public class AttemptLimitsCleaner {

    private static final Logger LOG = Logger.getLogger(AttemptLimitsCleaner.class.getName());

    @Inject
    AttemptLimits limits;

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "attempt-limits-cleaner")
    void removeExpired() {
        int removed = limits.removeExpired();
        if (removed > 0) {
            LOG.info(() -> "event=attempt-limits.cleaned removed=" + removed);
        }
    }
}
