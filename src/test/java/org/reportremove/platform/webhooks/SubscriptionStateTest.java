package org.reportremove.platform.webhooks;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Switching partners' subscriptions off and on, on both databases the service runs on, and two operators switching
 * one partner whose state was never written at the same moment on PostgreSQL.
 */
class SubscriptionStateTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aSubscriptionIsSwitchedOffAndOnAgain(String kind) throws SQLException {
        WebhookDeliveries deliveries = deliveriesOn(database(kind));

        deliveries.enable("never-switched");
        deliveries.disable("gone-partner");
        deliveries.disable("gone-partner");
        assertEquals(Set.of("gone-partner"), deliveries.disabled());

        deliveries.enable("gone-partner");
        assertEquals(Set.of(), deliveries.disabled());
    }

    @Test
    void twoOperatorsSwitchingOnePartnerAtOnceBothSucceed() throws Exception {
        DataSource database = database("postgresql");
        try (Connection first = database.getConnection(); Connection second = database.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            deliveriesOn(inTransaction(first)).enable("test-partner");
            // The second writes the same new row while the first has not committed: it waits for the first.
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<?> switched = thread.submit(() -> deliveriesOn(inTransaction(second)).disable("test-partner"));
            thread.shutdown();
            awaitLockWait(database);
            first.commit();
            switched.get(10, TimeUnit.SECONDS);
            second.commit();
        }
        assertEquals(Set.of("test-partner"), deliveriesOn(database).disabled(), "the later switch wins");
    }

    private static void awaitLockWait(DataSource database) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.getConnection();
                 PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                         + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                 ResultSet row = waiting.executeQuery()) {
                row.next();
                if (row.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the second switch never waited for the first");
    }

    private static WebhookDeliveries deliveriesOn(DataSource database) {
        WebhookDeliveries deliveries = new WebhookDeliveries();
        deliveries.dataSource = database;
        deliveries.clock = Clock.systemUTC();
        return deliveries;
    }

    private static DataSource database(String kind) throws SQLException {
        if (kind.equals("postgresql")) {
            return TestRun.migratedDatabase("subscriptions");
        }
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:subscriptions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        return h2;
    }

    /**
     * A data source handing out one connection in an open transaction, as the container does within a JTA
     * transaction: closing it leaves the transaction to whoever opened it.
     */
    private static DataSource inTransaction(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, arguments) -> method.getName().equals("close")
                        ? null : method.invoke(connection, arguments));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
