package org.reportremove.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every HTTP test class shares: the real application deployed in Payara Micro, a client for it, the test
 * run's PostgreSQL, and after every test the proof that nothing the test sent reached the server's log.
 * Each subclass still boots its own server and creates the data it needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedServiceTest {

    @ArquillianResource
    protected URL base;

    protected Api api;
    protected DataSource database;

    @Deployment(testable = false)
    public static WebArchive application() {
        return TestDeployment.application();
    }

    @BeforeEach
    final void connectToTheService() {
        api = new Api(base);
        database = TestRun.postgres().getDatabase("postgres", "reportremove");
    }

    @AfterEach
    final void nothingSentReachedTheLog() {
        api.assertLogHoldsNothingSent();
    }

    /**
     * A count over the test's own rows: the query names them by a value the test made (its account, case,
     * reference or ids), passed as parameters. Never a count over a whole table, which other tests share.
     */
    protected long count(String sql, Object... parameters) throws SQLException {
        if (!sql.toUpperCase(java.util.Locale.ROOT).contains("WHERE")) {
            throw new IllegalArgumentException("count only the test's own rows: " + sql);
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Changes the test's own rows behind the service's back; returns how many rows changed. */
    protected int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Runs one statement in a transaction the test holds open, to let a request meet what it locks. */
    protected static void execute(Connection held, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = held.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /**
     * Waits until this many of the service's database sessions wait for a lock (a row, or a key another
     * transaction is writing), for tests that hold one and let a request meet it.
     */
    protected void awaitRowWaits(int sessions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'") < sessions) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no request waited for the lock the test holds");
            }
            Thread.sleep(20);
        }
    }

    /** The audit actions recorded against a case, oldest first. */
    protected List<String> auditActionsFor(String caseReference) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT action FROM audit_event WHERE object_id ="
                     + " (SELECT id FROM report_case WHERE case_reference = ?) ORDER BY id")) {
            select.setString(1, caseReference);
            List<String> actions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            return actions;
        }
    }
}
