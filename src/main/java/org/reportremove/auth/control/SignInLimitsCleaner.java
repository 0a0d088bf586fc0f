package org.reportremove.auth.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Removes rate limit buckets that have filled up again, so the table does not keep a row for every username
 * and address that ever failed once.
 */
@Singleton
public class SignInLimitsCleaner {

    private static final Logger LOG = Logger.getLogger(SignInLimitsCleaner.class.getName());

    @Inject
    SignInLimits limits;

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "sign-in-limits-cleaner")
    void removeExpired() {
        int removed = limits.removeExpired();
        if (removed > 0) {
            LOG.info(() -> "event=sign-in-limits.cleaned removed=" + removed);
        }
    }
}
