package org.reportremove.platform.webhooks;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.outbox.ClaimedMessage;
import org.reportremove.platform.outbox.OutboxClaims;
import org.reportremove.platform.persistence.ConfiguredDataSource;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The webhook deliveries table: recording the fan-out of outbox messages, claiming due deliveries (FOR UPDATE SKIP
 * LOCKED and a lease, as the outbox does, so several nodes never try one delivery at once), recording outcomes, and
 * what operators see and replay. Bodies are sealed, bound to the delivery id, and dropped once delivered.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final String OWNER_PREFIX = "webhook:";

    private static final String INSERT = "INSERT INTO webhook_delivery (id, message_id, partner, event_type,"
            + " subject_id, body, state, reason, attempts, queued_at, next_attempt_at, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
    private static final String DUE = "SELECT id, partner, event_type, body, attempts, queued_at FROM webhook_delivery"
            + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id"
            + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String LEASE = "UPDATE webhook_delivery SET claim_token = ?, next_attempt_at = ? WHERE id = ?";
    private static final String DELIVERED = "UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1,"
            + " last_status = ?, finished_at = ?, claim_token = NULL, body = NULL WHERE id = ? AND claim_token = ?";
    private static final String RETRY = "UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?,"
            + " next_attempt_at = ?, claim_token = NULL WHERE id = ? AND claim_token = ?";
    private static final String POSTPONE = "UPDATE webhook_delivery SET next_attempt_at = ?, claim_token = NULL"
            + " WHERE id = ? AND claim_token = ?";
    private static final String FAILED = "UPDATE webhook_delivery SET state = 'FAILED', reason = ?,"
            + " attempts = attempts + ?, last_status = ?, finished_at = ?, claim_token = NULL"
            + " WHERE id = ? AND claim_token = ?";
    private static final String REPLAY = "UPDATE webhook_delivery SET state = 'PENDING', reason = NULL, attempts = 0,"
            + " queued_at = ?, next_attempt_at = ?, finished_at = NULL"
            + " WHERE state = 'FAILED' AND partner IS NOT NULL AND body IS NOT NULL";

    /** One delivery as operators see it: ids and outcomes, never the body. */
    public record Listed(String id, String eventId, String partner, String type, DeliveryState state,
                         FailureReason reason, int attempts, Integer lastStatus, Instant queuedAt, Instant finishedAt) {
    }

    /** One partner's deliveries in numbers. */
    public record PartnerState(long pending, long failed, long delivered, Instant lastDeliveredAt,
                               Instant lastFailedAt) {
        static final PartnerState NONE = new PartnerState(0, 0, 0, null, null);
    }

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DataSealer sealer;

    @Inject
    Clock clock;

    /**
     * Records the deliveries of claimed outbox messages and acknowledges the messages, in one transaction: a
     * message whose claim lapsed (another worker holds it now) is skipped whole, so each message fans out once.
     *
     * @return the deliveries recorded
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fanOut(Map<ClaimedMessage, List<PlannedDelivery>> planned) {
        int recorded = 0;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (var message : planned.entrySet()) {
                if (!OutboxClaims.acknowledge(connection, message.getKey().id(), message.getKey().claimToken())) {
                    continue;
                }
                for (PlannedDelivery delivery : message.getValue()) {
                    insert.setString(1, delivery.id());
                    insert.setString(2, delivery.messageId());
                    insert.setString(3, delivery.partner());
                    insert.setString(4, delivery.eventType());
                    insert.setString(5, delivery.subjectId());
                    if (delivery.body() == null) {
                        insert.setNull(6, Types.BINARY);
                    } else {
                        insert.setBytes(6, sealer.seal(delivery.body(), OWNER_PREFIX + delivery.id()));
                    }
                    insert.setString(7, delivery.reason() == null ? DeliveryState.PENDING.name()
                            : DeliveryState.FAILED.name());
                    insert.setString(8, delivery.reason() == null ? null : delivery.reason().name());
                    insert.setObject(9, delivery.queuedAt().withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setObject(10, now);
                    insert.setObject(11, delivery.reason() == null ? null : now);
                    insert.addBatch();
                    recorded++;
                }
            }
            insert.executeBatch();
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook deliveries could not be recorded", e);
        }
    }

    /** Claims up to {@code max} due deliveries, each held for {@code lease}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<DueDelivery> claimDue(int max, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String token = UUID.randomUUID().toString();
        List<DueDelivery> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(DUE)) {
                select.setObject(1, now);
                select.setInt(2, max);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        due.add(new DueDelivery(id, rows.getString(2), rows.getString(3),
                                sealer.open(rows.getBytes(4), OWNER_PREFIX + id), rows.getInt(5),
                                rows.getObject(6, OffsetDateTime.class).toInstant(), token));
                    }
                }
            }
            if (!due.isEmpty()) {
                try (PreparedStatement lease1 = connection.prepareStatement(LEASE)) {
                    for (DueDelivery delivery : due) {
                        lease1.setString(1, token);
                        lease1.setObject(2, now.plus(lease));
                        lease1.setString(3, delivery.id());
                        lease1.addBatch();
                    }
                    lease1.executeBatch();
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook deliveries could not be claimed", e);
        }
    }

    /** Records what became of the tries, in one transaction. An outcome whose claim lapsed changes nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(List<DeliveryOutcome> outcomes) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delivered = connection.prepareStatement(DELIVERED);
             PreparedStatement retry = connection.prepareStatement(RETRY);
             PreparedStatement postpone = connection.prepareStatement(POSTPONE);
             PreparedStatement failed = connection.prepareStatement(FAILED)) {
            for (DeliveryOutcome outcome : outcomes) {
                DueDelivery delivery = outcome.delivery();
                switch (outcome.kind()) {
                    case DELIVERED -> {
                        delivered.setInt(1, outcome.status());
                        delivered.setObject(2, now);
                        delivered.setString(3, delivery.id());
                        delivered.setString(4, delivery.claimToken());
                        delivered.addBatch();
                    }
                    case RETRY -> {
                        retry.setObject(1, status(outcome), Types.INTEGER);
                        retry.setObject(2, outcome.next().atOffset(ZoneOffset.UTC));
                        retry.setString(3, delivery.id());
                        retry.setString(4, delivery.claimToken());
                        retry.addBatch();
                    }
                    case POSTPONED -> {
                        postpone.setObject(1, outcome.next().atOffset(ZoneOffset.UTC));
                        postpone.setString(2, delivery.id());
                        postpone.setString(3, delivery.claimToken());
                        postpone.addBatch();
                    }
                    case FAILED -> {
                        failed.setString(1, outcome.reason().name());
                        // A delivery failed because its subscription was off was not tried.
                        failed.setInt(2, outcome.reason() == FailureReason.DISABLED ? 0 : 1);
                        failed.setObject(3, status(outcome), Types.INTEGER);
                        failed.setObject(4, now);
                        failed.setString(5, delivery.id());
                        failed.setString(6, delivery.claimToken());
                        failed.addBatch();
                    }
                }
            }
            delivered.executeBatch();
            retry.executeBatch();
            postpone.executeBatch();
            failed.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook outcomes could not be recorded", e);
        }
    }

    private static Integer status(DeliveryOutcome outcome) {
        return outcome.status() == 0 ? null : outcome.status();
    }

    /** Switches a subscription off on every node (its endpoint answered 410). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void disable(String partner) {
        setDisabled(partner, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Switches a subscription on again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void enable(String partner) {
        setDisabled(partner, null);
    }

    /**
     * One statement that inserts or updates, so two operators switching one partner at the same moment (whose row
     * does not exist yet) cannot both insert and fail one of them.
     */
    private void setDisabled(String partner, OffsetDateTime at) {
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL())
                    == ConfiguredDataSource.DatabaseKind.H2;
            try (PreparedStatement upsert = connection.prepareStatement(h2
                    ? "MERGE INTO webhook_subscription_state (partner, disabled_at) KEY (partner) VALUES (?, ?)"
                    : "INSERT INTO webhook_subscription_state (partner, disabled_at) VALUES (?, ?)"
                            + " ON CONFLICT (partner) DO UPDATE SET disabled_at = EXCLUDED.disabled_at")) {
                upsert.setString(1, partner);
                upsert.setObject(2, at);
                upsert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The subscription state could not be changed", e);
        }
    }

    /** The partners whose subscription is switched off. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<String> disabled() {
        Set<String> partners = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT partner FROM webhook_subscription_state WHERE disabled_at IS NOT NULL");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                partners.add(rows.getString(1));
            }
            return partners;
        } catch (SQLException e) {
            throw new IllegalStateException("The subscription states could not be read", e);
        }
    }

    /** Each partner's deliveries in numbers. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, PartnerState> statePerPartner() {
        Map<String, PartnerState> states = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT partner,"
                     + " SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END),"
                     + " SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END),"
                     + " SUM(CASE WHEN state = 'DELIVERED' THEN 1 ELSE 0 END),"
                     + " MAX(CASE WHEN state = 'DELIVERED' THEN finished_at END),"
                     + " MAX(CASE WHEN state = 'FAILED' THEN finished_at END)"
                     + " FROM webhook_delivery WHERE partner IS NOT NULL GROUP BY partner");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                states.put(rows.getString(1), new PartnerState(rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        instant(rows, 5), instant(rows, 6)));
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook deliveries could not be read", e);
        }
    }

    /** Failed deliveries, newest first, optionally of one partner. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Listed> failed(String partner, int max) {
        List<Listed> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, message_id, partner, event_type,"
                     + " reason, attempts, last_status, queued_at, finished_at FROM webhook_delivery"
                     + " WHERE state = 'FAILED' AND (CAST(? AS VARCHAR(64)) IS NULL OR partner = ?)"
                     + " ORDER BY finished_at DESC, id FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, partner);
            select.setString(2, partner);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(7);
                    found.add(new Listed(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            DeliveryState.FAILED, rows.getString(5) == null ? null
                            : FailureReason.valueOf(rows.getString(5)), rows.getInt(6),
                            rows.wasNull() ? null : status, instant(rows, 8), instant(rows, 9)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook deliveries could not be read", e);
        }
    }

    /** One delivery, as operators see it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Listed> find(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, message_id, partner, event_type,"
                     + " state, reason, attempts, last_status, queued_at, finished_at FROM webhook_delivery"
                     + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                int status = rows.getInt(8);
                Integer lastStatus = rows.wasNull() ? null : status;
                return Optional.of(new Listed(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), DeliveryState.valueOf(rows.getString(5)),
                        rows.getString(6) == null ? null : FailureReason.valueOf(rows.getString(6)), rows.getInt(7),
                        lastStatus, instant(rows, 9), instant(rows, 10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook deliveries could not be read", e);
        }
    }

    /**
     * Makes failed deliveries pending again, due at once, with a fresh retry period: one ({@code id}), one
     * partner's ({@code partner}) or all (both null). Undeliverable ones stay as they are.
     *
     * @return how many will be sent again
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int replay(String id, String partner) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder(REPLAY);
        if (id != null) {
            sql.append(" AND id = ?");
        }
        if (partner != null) {
            sql.append(" AND partner = ?");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql.toString())) {
            update.setObject(1, now);
            update.setObject(2, now);
            int index = 3;
            if (id != null) {
                update.setString(index++, id);
            }
            if (partner != null) {
                update.setString(index, partner);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook deliveries could not be replayed", e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
