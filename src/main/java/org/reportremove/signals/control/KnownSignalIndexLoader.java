package org.reportremove.signals.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.signals.entity.SignalType;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads this node's copy of the bank once the schema is migrated, then follows the change log. The load runs in
 * the background, streamed from the database, so the process answers liveness at once while readiness stays
 * DOWN until the index is built ({@link KnownSignalIndexReadiness}). The follower polls the log every
 * {@code reportremove.signals.index.poll-millis} and applies each change by reading the bank's row again, without a
 * rebuild; changes that gather are folded in by a compaction that does not stop lookups.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class KnownSignalIndexLoader {

    private static final Logger LOG = Logger.getLogger(KnownSignalIndexLoader.class.getName());
    private static final int FETCH_SIZE = 10_000;
    private static final int CHANGES_PER_READ = 5_000;
    private static final long RETRY_MILLIS = 5_000;
    private static final long HOLD_CHECK_MILLIS = 200;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    KnownSignalIndexState state;

    @Inject
    @ConfigProperty(name = "reportremove.signals.index.poll-millis", defaultValue = "1000")
    long pollMillis;

    /** How long a change may stay invisible (its transaction still open) before its sequence number is given up. */
    @Inject
    @ConfigProperty(name = "reportremove.signals.index.settle-seconds", defaultValue = "60")
    int settleSeconds;

    /**
     * For tests only: the load waits until this file exists, so that a test can see a node that is still loading
     * without racing a timer. Unset in every real deployment.
     */
    @Inject
    @ConfigProperty(name = "reportremove.signals.index.test-hold-file")
    Optional<String> holdFile;

    private volatile ScheduledFuture<?> task;
    private volatile boolean stopping;
    private ChangeCursor cursor;

    @PostConstruct
    void start() {
        task = scheduler.schedule(this::load, 0, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void load() {
        try {
            awaitRelease();
            long started = System.nanoTime();
            KnownSignalIndex index;
            long skipped;
            try (Connection connection = dataSource.getConnection()) {
                long start = KnownSignalChanges.settled(connection, settleSeconds);
                KnownSignalIndex.Builder builder = KnownSignalIndex.builder();
                Map<SignalType, Long> counts = counts(connection);
                counts.forEach(builder::expect);
                state.loading(counts.values().stream().mapToLong(Long::longValue).sum());
                read(connection, builder);
                skipped = builder.skipped();
                index = builder.build();
                // What changed while the bank was read (a minute at ten million) is applied before the node says
                // it is ready: a new pod must not take traffic with an index that misses recent changes.
                cursor = new ChangeCursor(start, settleSeconds * 1000L);
                catchUp(connection, index);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            state.loaded(index, seconds);
            Map<SignalType, Long> sizes = index.sizes();
            LOG.info(() -> "event=signals.index.loaded outcome=ready values=" + sizes.values().stream()
                    .mapToLong(Long::longValue).sum() + " skipped=" + skipped + " seconds="
                    + String.format("%.1f", seconds) + " bytes=" + index.estimatedBytes());
            if (!stopping) {
                task = scheduler.scheduleWithFixedDelay(this::follow, 0, pollMillis, TimeUnit.MILLISECONDS);
            }
        } catch (SQLException | RuntimeException | Error e) {
            state.failed();
            LOG.log(Level.WARNING, "event=signals.index.loaded outcome=failed error=" + e.getClass().getSimpleName());
            if (!stopping) {
                task = scheduler.schedule(this::load, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRelease() throws InterruptedException {
        if (holdFile.isEmpty()) {
            return;
        }
        Path release = Path.of(holdFile.get());
        while (!Files.exists(release) && !stopping) {
            Thread.sleep(HOLD_CHECK_MILLIS);
        }
    }

    private static Map<SignalType, Long> counts(Connection connection) throws SQLException {
        Map<SignalType, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT signal_type, COUNT(*) FROM known_signal"
                + " GROUP BY signal_type");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long count = rows.getLong(2);
                SignalType.named(rows.getString(1)).ifPresent(type -> counts.put(type, count));
            }
        }
        return counts;
    }

    /** Streams the bank: PostgreSQL sends rows a fetch at a time only inside a transaction. */
    private void read(Connection connection, KnownSignalIndex.Builder builder) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT signal_type, signal_value, quality"
                + " FROM known_signal")) {
            select.setFetchSize(FETCH_SIZE);
            Map<String, Optional<SignalType>> types = new HashMap<>();
            long read = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Optional<SignalType> type = types.computeIfAbsent(rows.getString(1), SignalType::named);
                    int quality = rows.getInt(3);
                    Integer q = rows.wasNull() ? null : quality;
                    if (type.isPresent()) {
                        builder.add(type.get(), rows.getString(2), q);
                    }
                    if (++read % FETCH_SIZE == 0) {
                        state.read(read);
                    }
                }
            }
            state.read(read);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** One poll: everything above the cursor and in its gaps, applied by reading the bank's rows again. */
    private void follow() {
        try (Connection connection = dataSource.getConnection()) {
            catchUp(connection, state.index());
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too (memory running out in a compaction, say): a scheduled task that throws is never run
            // again, and the node would go on answering from an index that no longer changes. The next poll tries
            // again; the seconds since the last good one are a metric to alert on.
            LOG.log(Level.WARNING, "event=signals.index.followed outcome=failed error=" + e.getClass().getSimpleName());
        }
    }

    /** Reads the change log from the cursor until a read comes back short, applying each batch as it comes. */
    private void catchUp(Connection connection, KnownSignalIndex index) throws SQLException {
        long applied = 0;
        List<KnownSignalChanges.Change> changes;
        do {
            changes = new ArrayList<>(KnownSignalChanges.after(connection, cursor.highest(), CHANGES_PER_READ));
            boolean full = changes.size() == CHANGES_PER_READ;
            if (!cursor.gaps().isEmpty()) {
                changes.addAll(KnownSignalChanges.among(connection, cursor.gaps()));
            }
            applied += apply(connection, index, changes);
            cursor.saw(changes.stream().map(KnownSignalChanges.Change::sequence).toList(),
                    System.currentTimeMillis());
            // Within the loop, so that a backlog (a large import, a node back from an outage) never grows the
            // side structures, which every lookup and every change scans, past a batch over the threshold.
            index.compactIfDue();
            if (!full) {
                break;
            }
        } while (!stopping);
        state.followed(applied, cursor.highest(),
                Math.max(0, KnownSignalChanges.latest(connection) - cursor.highest()));
    }

    private static long apply(Connection connection, KnownSignalIndex index, List<KnownSignalChanges.Change> changes)
            throws SQLException {
        Map<SignalType, List<String>> byType = new HashMap<>();
        for (KnownSignalChanges.Change change : changes) {
            if (change.type() != null) {
                byType.computeIfAbsent(change.type(), t -> new ArrayList<>()).add(change.value());
            }
        }
        long applied = 0;
        for (Map.Entry<SignalType, List<String>> entry : byType.entrySet()) {
            SignalType type = entry.getKey();
            Map<String, KnownSignalChanges.Row> rows = KnownSignalChanges.current(connection, type,
                    entry.getValue().stream().distinct().toList());
            applied += index.reflectAll(type, rows);
        }
        return applied;
    }
}
