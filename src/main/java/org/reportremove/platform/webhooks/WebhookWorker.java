package org.reportremove.platform.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.outbox.ClaimedMessage;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;
import org.reportremove.platform.problem.SafeErrors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the webhook settings at start-up (a mistake stops the process, as other configuration errors do), then,
 * when any partner subscribed, works on its own managed thread every poll interval: takes the helpline's and the
 * notifications' outbox messages and fans them out into deliveries, then tries the due deliveries in parallel and
 * records each outcome. Nothing here runs in a young person's request: they only queue outbox messages. Several
 * nodes share the work through the claims of the outbox and of the deliveries table.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Every step commits on its own (claims, fan-out, outcomes); none must wait for an HTTP answer inside a transaction.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());
    /** Exit status for a configuration error (EX_CONFIG in sysexits.h), as the other start-up checks use. */
    static final int CONFIGURATION_ERROR = 78;
    private static final Duration FAN_OUT_LEASE = Duration.ofMinutes(1);
    /** How long one run keeps going while there is work, before it lets the next run start afresh. */
    private static final Duration RUN_FOR = Duration.ofSeconds(20);

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Outbox outbox;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookMetrics metrics;

    @Inject
    Clock clock;

    private WebhookSettings settings;
    private WebhookSender sender;
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();
    private volatile Set<String> disabled = Set.of();
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        try {
            settings = WebhookSettings.read(ConfigProvider.getConfig());
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, "event=startup.refused reason={0}", e.getMessage());
            // Payara Micro would otherwise stay up with the application undeployed and report itself healthy.
            Runtime.getRuntime().halt(CONFIGURATION_ERROR);
            return;
        }
        if (!settings.active()) {
            LOG.info("event=webhooks.off reason=no-subscriptions");
            return;
        }
        sender = new WebhookSender(settings.connectTimeout(), settings.readTimeout());
        settings.subscriptions().keySet().forEach(partner -> breakers.put(partner,
                new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor())));
        metrics.register(settings.subscriptions().keySet(), partner -> breakers.get(partner).open(clock.instant()),
                partner -> disabled.contains(partner));
        long every = settings.pollInterval().toMillis();
        schedule = executor.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "event=webhooks.on subscriptions=" + settings.subscriptions().size());
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** The settings as read at start-up, for the operators' view. */
    public WebhookSettings settings() {
        return settings;
    }

    public boolean circuitOpen(String partner) {
        CircuitBreaker breaker = breakers.get(partner);
        return breaker != null && breaker.open(clock.instant());
    }

    void run() {
        // A run still waiting on slow endpoints must not pile up behind itself; the next tick picks up the rest.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant until = clock.instant().plus(RUN_FOR);
            boolean worked;
            do {
                disabled = deliveries.disabled();
                worked = fanOut() | deliverDue();
            } while (worked && clock.instant().isBefore(until));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=webhooks.run-failed trace={0}", SafeErrors.describe(e));
        } finally {
            running.set(false);
        }
    }

    /** Takes outbox messages and records their deliveries; true when there were any. */
    private boolean fanOut() {
        Collection<Subscription> on = settings.subscriptions().values().stream()
                .filter(subscription -> !disabled.contains(subscription.partner())).toList();
        boolean took = false;
        for (Topic topic : List.of(Topic.HELPLINE, Topic.NOTIFICATIONS, Topic.INDUSTRY)) {
            List<ClaimedMessage> claimed = outbox.claim(topic, settings.batchSize(), FAN_OUT_LEASE);
            if (claimed.isEmpty()) {
                continue;
            }
            took = true;
            Map<ClaimedMessage, List<PlannedDelivery>> planned = new LinkedHashMap<>();
            int undeliverable = 0;
            int unsubscribed = 0;
            for (ClaimedMessage message : claimed) {
                List<PlannedDelivery> plan = FanOut.plan(message, on, settings.source());
                planned.put(message, plan);
                if (plan.isEmpty()) {
                    unsubscribed++;
                } else if (plan.get(0).reason() == FailureReason.UNDELIVERABLE) {
                    undeliverable++;
                    LOG.warning(() -> "event=webhook.undeliverable messageId=" + message.id() + " type="
                            + message.type() + " outcome=recorded");
                }
            }
            int recorded = deliveries.fanOut(planned);
            metrics.events("fanned-out", claimed.size() - undeliverable - unsubscribed);
            metrics.events("not-subscribed", unsubscribed);
            metrics.events("undeliverable", undeliverable);
            LOG.fine(() -> "event=webhook.fanned-out topic=" + topic + " messages=" + claimed.size()
                    + " deliveries=" + recorded);
        }
        return took;
    }

    /** Tries the due deliveries at once and records what became of each; true when there were any. */
    private boolean deliverDue() {
        Duration lease = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(30);
        List<DueDelivery> due = deliveries.claimDue(settings.batchSize(), lease);
        if (due.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        Map<DueDelivery, CompletableFuture<Integer>> sent = new LinkedHashMap<>();
        for (DueDelivery delivery : due) {
            Subscription subscription = settings.subscriptions().get(delivery.partner());
            CircuitBreaker breaker = breakers.get(delivery.partner());
            if (subscription == null || disabled.contains(delivery.partner())) {
                outcomes.add(DeliveryOutcome.failed(delivery, 0, FailureReason.DISABLED));
            } else if (!breaker.allows(now)) {
                outcomes.add(DeliveryOutcome.postponed(delivery, breaker.closedAgainAt(now)
                        .plusMillis(ThreadLocalRandom.current().nextLong(1 + settings.pollInterval().toMillis()))));
            } else {
                sent.put(delivery, sender.send(subscription.url(), subscription.secrets(), delivery.id(),
                        now.getEpochSecond(), delivery.body()));
            }
        }
        CompletableFuture.allOf(sent.values().toArray(CompletableFuture[]::new)).join();
        Set<String> gone = new HashSet<>();
        Instant answered = clock.instant();
        sent.forEach((delivery, answer) -> {
            int status = answer.join();
            outcomes.add(judge(delivery, status, breakers.get(delivery.partner()), answered));
            if (status == 410) {
                gone.add(delivery.partner());
            }
        });
        deliveries.record(outcomes);
        gone.forEach(partner -> {
            deliveries.disable(partner);
            LOG.warning(() -> "event=webhook.subscription-disabled partner=" + partner + " outcome=gone");
        });
        for (DeliveryOutcome outcome : outcomes) {
            metrics.attempts(outcome.kind(), 1);
            if (outcome.kind() == DeliveryOutcome.Kind.DELIVERED) {
                metrics.delivered(Duration.between(outcome.delivery().queuedAt(), answered));
            } else if (outcome.kind() != DeliveryOutcome.Kind.POSTPONED) {
                LOG.info(() -> "event=webhook.attempt id=" + outcome.delivery().id() + " partner="
                        + outcome.delivery().partner() + " type=" + outcome.delivery().eventType() + " status="
                        + outcome.status() + " outcome=" + outcome.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + (outcome.reason() == null ? "" : " reason=" + outcome.reason()));
            }
        }
        return true;
    }

    private DeliveryOutcome judge(DueDelivery delivery, int status, CircuitBreaker breaker, Instant now) {
        if (status >= 200 && status < 300) {
            breaker.succeeded();
            return DeliveryOutcome.delivered(delivery, status);
        }
        if (status == 410) {
            return DeliveryOutcome.failed(delivery, status, FailureReason.GONE);
        }
        breaker.failed(now);
        Optional<Instant> next = settings.backOff().next(delivery.attempts() + 1, delivery.queuedAt(), now,
                ThreadLocalRandom.current().nextDouble());
        return next.map(at -> DeliveryOutcome.retry(delivery, status, at))
                .orElseGet(() -> DeliveryOutcome.failed(delivery, status, FailureReason.RETRIES_EXHAUSTED));
    }
}
