package org.reportremove.platform.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.reportremove.platform.metrics.CachedReading;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outbox's backlog per topic (messages waiting, the oldest one's age, messages leased and not yet
 * acknowledged), read in one grouped query cached for a few seconds, and its deliveries and lapsed leases as
 * counters. The only label is the topic, from {@link Topic}.
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String WAITING = "reportremove_outbox_waiting";
    static final String OLDEST = "reportremove_outbox_oldest_waiting_seconds";
    static final String LEASED = "reportremove_outbox_leased";
    static final String DELIVERED = "reportremove_outbox_delivered";
    static final String LAPSED = "reportremove_outbox_lease_lapsed";

    private static final String BACKLOG = "SELECT topic,"
            + " SUM(CASE WHEN available_at <= ? THEN 1 ELSE 0 END),"
            + " MIN(CASE WHEN available_at <= ? THEN created_at END),"
            + " SUM(CASE WHEN available_at > ? AND claim_token IS NOT NULL THEN 1 ELSE 0 END)"
            + " FROM outbox_message GROUP BY topic";

    /** One topic's backlog at the time of reading. */
    record Backlog(long waiting, double oldestSeconds, long leased) {
        static final Backlog NONE = new Backlog(0, 0, 0);
    }

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private final CachedReading<Map<Topic, Backlog>> backlog = CachedReading.of(this::readBacklog, Map.of());

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (Topic topic : Topic.values()) {
            Tag tag = tag(topic);
            registry.gauge(Metadata.builder().withName(WAITING)
                    .withDescription("Messages waiting to be claimed: never claimed, or their lease ran out").build(),
                    this, metrics -> metrics.of(topic).waiting(), tag);
            registry.gauge(Metadata.builder().withName(OLDEST)
                    .withDescription("Age of the oldest message waiting to be claimed (0 when none waits)").build(),
                    this, metrics -> metrics.of(topic).oldestSeconds(), tag);
            registry.gauge(Metadata.builder().withName(LEASED)
                    .withDescription("Messages claimed and not acknowledged, their lease still running").build(),
                    this, metrics -> metrics.of(topic).leased(), tag);
            delivered(topic, 0);
            lapsed(topic, 0);
        }
    }

    /** Messages of the topic acknowledged by their consumer. */
    void delivered(Topic topic, int count) {
        registry.counter(Metadata.builder().withName(DELIVERED)
                .withDescription("Messages their consumer acknowledged").build(), tag(topic)).inc(count);
    }

    /** Messages claimed again because an earlier claim's lease ran out unacknowledged: failed deliveries. */
    void lapsed(Topic topic, int count) {
        registry.counter(Metadata.builder().withName(LAPSED)
                .withDescription("Claims of messages whose earlier lease ran out unacknowledged (failed deliveries)")
                .build(), tag(topic)).inc(count);
    }

    private Backlog of(Topic topic) {
        return backlog.get().getOrDefault(topic, Backlog.NONE);
    }

    private Map<Topic, Backlog> readBacklog() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<Topic, Backlog> read = new EnumMap<>(Topic.class);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(BACKLOG)) {
            select.setObject(1, now);
            select.setObject(2, now);
            select.setObject(3, now);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Topic topic = topicOf(rows.getString(1));
                    if (topic == null) {
                        continue;
                    }
                    OffsetDateTime oldest = rows.getObject(3, OffsetDateTime.class);
                    double age = oldest == null ? 0
                            : Math.max(0, java.time.Duration.between(oldest, now).toMillis() / 1000.0);
                    read.put(topic, new Backlog(rows.getLong(2), age, rows.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox backlog could not be read", e);
        }
        return read;
    }

    private static Topic topicOf(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.name().equals(name)) {
                return topic;
            }
        }
        return null;
    }

    private static Tag tag(Topic topic) {
        return new Tag("topic", topic.name());
    }
}
