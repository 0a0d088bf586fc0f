package org.reportremove.analysts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.crypto.DataSealer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.BinaryOperator;

/**
 * When a package for the analyst side may first be leased. A package carries the hour, not the time; but if a
 * puller could lease it seconds after it was queued, the moment it first appeared would give the exact time away.
 * So a package waits until its hour has ended, and then for a jitter of up to {@code max-jitter-minutes}, so that
 * nothing about its release is tied to the moment within the hour either. Packages with a priority flag may be
 * let out at once, if an operator chooses speed over that protection ({@code priority-exempt}).
 *
 * <p>The jitter is the same for every package of one hour (a keyed digest of the hour, so outsiders cannot work it
 * out), which keeps each case's packages in their order and makes every replica agree. It is shorter than an hour,
 * so no hour's packages come out before an earlier hour's.
 */
@ApplicationScoped
public class PackageHoldBack {

    @Inject
    @ConfigProperty(name = "reportremove.analysts.hold-back.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "reportremove.analysts.hold-back.max-jitter-minutes", defaultValue = "15")
    int maxJitterMinutes;

    @Inject
    @ConfigProperty(name = "reportremove.analysts.hold-back.priority-exempt", defaultValue = "false")
    boolean priorityExempt;

    @Inject
    Clock clock;

    @Inject
    DataSealer sealer;

    private BinaryOperator<String> keyedDigest;

    @PostConstruct
    void connect() {
        if (maxJitterMinutes < 0 || maxJitterMinutes > 59) {
            throw new IllegalStateException("reportremove.analysts.hold-back.max-jitter-minutes must be 0 to 59");
        }
        keyedDigest = sealer::keyedDigest;
    }

    /** The rule outside a container, with its own clock and digest, for tests. */
    static PackageHoldBack of(Clock clock, boolean enabled, int maxJitterMinutes, boolean priorityExempt,
                              BinaryOperator<String> keyedDigest) {
        PackageHoldBack holdBack = new PackageHoldBack();
        holdBack.clock = clock;
        holdBack.enabled = enabled;
        holdBack.maxJitterMinutes = maxJitterMinutes;
        holdBack.priorityExempt = priorityExempt;
        holdBack.keyedDigest = keyedDigest;
        return holdBack;
    }

    /**
     * When a package queued now may first be leased. Asked after the package is built, so the hour it carries is
     * never later than the hour this waits out.
     */
    public OffsetDateTime availableAt(boolean priority) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!enabled || (priority && priorityExempt)) {
            return now;
        }
        OffsetDateTime hourEnds = now.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return hourEnds.plusSeconds(jitterSeconds(hourEnds));
    }

    private long jitterSeconds(OffsetDateTime hourEnds) {
        if (maxJitterMinutes == 0) {
            return 0;
        }
        String digest = keyedDigest.apply("analysts:hold-back", hourEnds.toInstant().toString());
        return Long.parseLong(digest.substring(0, 12), 16) % (maxJitterMinutes * 60L + 1);
    }
}
