package org.reportremove.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;

/**
 * Refusals by rate limits, labelled with the limit's name. The names are a fixed list (a caller's own kind that is
 * not on it counts as {@code other}), so no subject, username or address can become a label.
 */
@ApplicationScoped
public class RateLimitMetrics {

    static final String REFUSALS = "reportremove_rate_limit_refusals";
    /**
     * Attempts at secrets per username (from one address) and per address, confirmations per account, account
     * openings, case submissions per account and address.
     */
    static final List<String> LIMITS = List.of("username", "address", "account", "open", "submission",
            "submission-address", "other");

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LIMITS.forEach(limit -> count(limit, 0));
    }

    void refused(String limit) {
        count(LIMITS.contains(limit) ? limit : "other", 1);
    }

    private void count(String limit, long n) {
        registry.counter(Metadata.builder().withName(REFUSALS)
                .withDescription("Requests refused by a rate limit, by limit").build(), new Tag("limit", limit)).inc(n);
    }
}
