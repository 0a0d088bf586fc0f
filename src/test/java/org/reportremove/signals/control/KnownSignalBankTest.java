package org.reportremove.signals.control;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;
import org.reportremove.testing.TestRun;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sharing and withdrawing one value from two items at the same moment, on the test run's PostgreSQL (a database of
 * its own): two transactions are interleaved by hand, the second started while the first is still open, so that
 * each ordering the service can meet is met every time. Without the row lock, each withdrawal would see the other's
 * share still there and the value would stay in the bank with no share; or a withdrawal would not see a new share
 * and take the value out from under it.
 */
class KnownSignalBankTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static DataSource database;

    @BeforeAll
    static void database() throws SQLException {
        database = TestRun.migratedDatabase("bank");
    }

    @Test
    void twoWithdrawalsAtOnceTakeOutAValueTheirItemsBothShared() throws Exception {
        Signal value = sha256();
        inOwnTransaction(connection -> KnownSignalBank.share(connection, "item-a", List.of(value)));
        inOwnTransaction(connection -> KnownSignalBank.share(connection, "item-b", List.of(value)));

        Interleaved run = interleave(connection -> KnownSignalBank.unshare(connection, List.of("item-a")),
                connection -> KnownSignalBank.unshare(connection, List.of("item-b")));
        assertEquals(new Interleaved(0, 1), run, "the second withdrawal takes the value out");
        assertEquals(0, rows(value, "known_signal"), "no value is left with no share");
        assertEquals(0, rows(value, "known_signal_share"));
    }

    @Test
    void aShareMadeWhileTheLastOtherShareIsWithdrawnKeepsTheValue() throws Exception {
        Signal value = sha256();
        inOwnTransaction(connection -> KnownSignalBank.share(connection, "item-c", List.of(value)));

        Interleaved run = interleave(connection -> KnownSignalBank.share(connection, "item-d", List.of(value)),
                connection -> KnownSignalBank.unshare(connection, List.of("item-c")));
        assertEquals(new Interleaved(0, 0), run, "the value was there, and the withdrawal sees the new share");
        assertEquals(1, rows(value, "known_signal"), "the value stays for the item that shares it");
        assertEquals(1, rows(value, "known_signal_share"));
    }

    @Test
    void aShareMadeWhileAWithdrawalTakesTheValueOutPutsItBack() throws Exception {
        Signal value = sha256();
        inOwnTransaction(connection -> KnownSignalBank.share(connection, "item-e", List.of(value)));

        Interleaved run = interleave(connection -> KnownSignalBank.unshare(connection, List.of("item-e")),
                connection -> KnownSignalBank.share(connection, "item-f", List.of(value)));
        assertEquals(new Interleaved(1, 1), run, "taken out, then new to the bank again");
        assertEquals(1, rows(value, "known_signal"));
        assertEquals(1, rows(value, "known_signal_share"));
        assertEquals(3, rows(value, "known_signal_change"),
                "every node's index hears it come in, leave and come back");
    }

    @Test
    void aShareThatFindsTheValueAndThenLosesItToAWithdrawalPutsItBack() throws Exception {
        Signal value = sha256();
        inOwnTransaction(connection -> KnownSignalBank.share(connection, "item-g", List.of(value)));

        try (Connection withdrawal = transaction()) {
            // A withdrawal's first step: the value's row locked, the value still there.
            lock(withdrawal, value);
            // The share finds the value present (nothing to insert) and waits for its row.
            Future<Integer> share = alongside(connection -> KnownSignalBank.share(connection, "item-h",
                    List.of(value)));
            assertEquals(1, KnownSignalBank.unshare(withdrawal, List.of("item-g")), "the withdrawal takes it out");
            withdrawal.commit();
            assertEquals(1, share.get(10, TimeUnit.SECONDS), "the share finds the row gone and inserts it again");
        }
        assertEquals(1, rows(value, "known_signal"), "the value stays for the item that shares it");
        assertEquals(1, rows(value, "known_signal_share"));
        assertEquals(3, rows(value, "known_signal_change"));
    }

    @Test
    void anImportOfAValueAWithdrawalIsTakingOutPutsItBackAsTheImportsOwn() throws Exception {
        Signal value = sha256();
        inOwnTransaction(connection -> KnownSignalBank.share(connection, "item-i", List.of(value)));
        KnownSignalImport importer = new KnownSignalImport();
        importer.dataSource = database;
        byte[] line = ("{\"type\": \"SHA256\", \"value\": \"" + value.value() + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);

        try (Connection withdrawal = transaction()) {
            lock(withdrawal, value);
            // The import meets the value still there, the case's, and waits for its row.
            Future<ImportReport> imported = alongside(() -> importer.importLines(KnownSignalImport.newImportId(),
                    new ByteArrayInputStream(line), null));
            assertEquals(1, KnownSignalBank.unshare(withdrawal, List.of("item-i")), "the withdrawal takes it out");
            withdrawal.commit();
            ImportReport report = imported.get(10, TimeUnit.SECONDS);
            assertEquals(1, report.added(), "gone by the time the import looked again, so the import puts it in");
        }
        assertEquals(1, rows(value, "known_signal"), "the operator's value is not lost to the withdrawal");
        assertEquals(0, rows(value, "known_signal_share"));
    }

    /** What each of two interleaved transactions' work returned. */
    private record Interleaved(int first, int second) {
    }

    /**
     * Does the first work in a transaction, then starts the second in another transaction while the first is
     * still open, and commits the first once the second is done or waits for a lock.
     */
    private static Interleaved interleave(Work first, Work second) throws Exception {
        try (Connection connection = transaction()) {
            int firstResult = first.on(connection);
            Future<Integer> secondResult = alongside(second);
            connection.commit();
            return new Interleaved(firstResult, secondResult.get(10, TimeUnit.SECONDS));
        }
    }

    private static Signal sha256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Signal.exact(SignalType.SHA256, HexFormat.of().formatHex(bytes));
    }

    private static Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Runs the work in a transaction of its own on another thread, committing it once the work is done; returns
     * once the work is done or waits for a lock, so that it meets the caller's transaction still open.
     */
    private static Future<Integer> alongside(Work work) throws Exception {
        return alongside(() -> inOwnTransaction(work));
    }

    /** Runs the call on another thread; returns once it is done or waits for a lock. */
    private static <T> Future<T> alongside(Callable<T> call) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<T> result = thread.submit(call);
        thread.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!result.isDone() && !waitingForALock()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second transaction neither finished nor waited for a lock");
            }
            Thread.sleep(10);
        }
        return result;
    }

    private static boolean waitingForALock() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet row = waiting.executeQuery()) {
            row.next();
            return row.getInt(1) > 0;
        }
    }

    private static void lock(Connection connection, Signal value) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM known_signal"
                + " WHERE signal_type = ? AND signal_value = ? FOR UPDATE")) {
            lock.setString(1, value.type().name());
            lock.setString(2, value.value());
            try (ResultSet row = lock.executeQuery()) {
                assertTrue(row.next(), "the value is in the bank");
            }
        }
    }

    private static int inOwnTransaction(Work work) throws SQLException {
        try (Connection connection = transaction()) {
            int result = work.on(connection);
            connection.commit();
            return result;
        }
    }

    private static int rows(Signal value, String table) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table
                     + " WHERE signal_type = ? AND signal_value = ?")) {
            count.setString(1, value.type().name());
            count.setString(2, value.value());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        int on(Connection connection) throws SQLException;
    }
}
