package org.reportremove.platform.ratelimit;

import org.reportremove.platform.domain.DomainException;

/**
 * An attempt over a rate limit. Says how long to wait, in words for the person and in seconds for the client.
 */
public class TooManyAttempts extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super("Too many attempts. Wait " + minutes(retryAfterSeconds) + " and try again, or ask a counsellor for help.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes + " minute" + (minutes == 1 ? "" : "s");
    }
}
