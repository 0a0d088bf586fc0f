package org.reportremove.platform.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.reportremove.platform.metrics.CachedReading;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The webhooks' metrics: tries by outcome, events by what the fan-out made of them, the delay from an event's
 * queueing to its delivery, and per partner the deliveries waiting and failed, whether the endpoint's circuit is
 * open and whether the subscription is switched off. Labels come from fixed lists and the configured partners.
 */
@ApplicationScoped
public class WebhookMetrics {

    static final String ATTEMPTS = "reportremove_webhook_attempts";
    static final String EVENTS = "reportremove_webhook_events";
    static final String DELAY = "reportremove_webhook_delivery_delay";
    static final String PENDING = "reportremove_webhook_pending";
    static final String FAILED = "reportremove_webhook_failed";
    static final String CIRCUIT_OPEN = "reportremove_webhook_circuit_open";
    static final String DISABLED = "reportremove_webhook_subscription_disabled";

    @Inject
    MetricRegistry registry;

    @Inject
    WebhookDeliveries deliveries;

    private CachedReading<Map<String, WebhookDeliveries.PartnerState>> states;

    void register(Iterable<String> partners, Predicate<String> circuitOpen, Predicate<String> disabled) {
        states = CachedReading.of(deliveries::statePerPartner, Map.of());
        for (String partner : partners) {
            Tag tag = new Tag("partner", partner);
            gauge(PENDING, "Deliveries waiting for their first or next try", tag,
                    state(partner, WebhookDeliveries.PartnerState::pending));
            gauge(FAILED, "Deliveries given up on, waiting for an operator's replay", tag,
                    state(partner, WebhookDeliveries.PartnerState::failed));
            gauge(CIRCUIT_OPEN, "1 while the endpoint's circuit is open on this node (its deliveries wait)", tag,
                    ignored -> circuitOpen.test(partner) ? 1 : 0);
            gauge(DISABLED, "1 while the subscription is switched off (its endpoint answered 410)", tag,
                    ignored -> disabled.test(partner) ? 1 : 0);
        }
        for (DeliveryOutcome.Kind kind : DeliveryOutcome.Kind.values()) {
            attempts(kind, 0);
        }
    }

    private Function<WebhookMetrics, Number> state(String partner,
                                                   Function<WebhookDeliveries.PartnerState, Long> read) {
        return metrics -> read.apply(metrics.states.get().getOrDefault(partner, WebhookDeliveries.PartnerState.NONE));
    }

    private void gauge(String name, String description, Tag tag, Function<WebhookMetrics, Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), this,
                metrics -> value.apply(metrics).doubleValue(), tag);
    }

    /** Tries that ended so: delivered, retry (to try again), postponed (circuit open), failed (for good). */
    void attempts(DeliveryOutcome.Kind kind, int count) {
        registry.counter(Metadata.builder().withName(ATTEMPTS)
                        .withDescription("Webhook tries by outcome (postponed: held back by an open circuit)").build(),
                new Tag("outcome", kind.name().toLowerCase(java.util.Locale.ROOT))).inc(count);
    }

    /** Outbox messages by what became of them: deliveries, nobody subscribed, undeliverable. */
    void events(String outcome, int count) {
        registry.counter(Metadata.builder().withName(EVENTS)
                .withDescription("Outbox messages taken for webhooks, by what the fan-out made of them").build(),
                new Tag("outcome", outcome)).inc(count);
    }

    /** How long an event waited between being queued and its delivery. */
    void delivered(Duration sinceQueued) {
        registry.timer(Metadata.builder().withName(DELAY)
                .withDescription("Time from an event's queueing to its delivery (2xx)").build())
                .update(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
    }
}
