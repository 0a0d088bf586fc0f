package org.reportremove.platform.problem;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shapes a lost database takes by the time a failure reaches the mappers, built from the real exception types
 * of the driver, JPA, JTA and EJB: each is a 503 with Retry-After, and a broken rule is still not.
 */
class DatabaseFailuresTest {

    @Test
    void refusedConnectionThroughJpaAndAnEjbIsA503WithRetryAfter() {
        PSQLException refused = new PSQLException("Connection to db.internal:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        Throwable failure = new EJBException(new PersistenceException("Exception [EclipseLink-4002]", refused));

        List<String> logged = captureLog(() -> {
            ProblemException answer = UnexpectedErrorMapper.answer(failure);

            assertEquals(503, answer.problem().status());
            assertEquals("urn:reportremove:problem:service-unavailable", answer.problem().type());
            assertEquals("5", answer.headers().get("Retry-After"));
            assertNull(answer.problem().errorId(), "not an unexpected error: nothing to quote");
            assertFalse(answer.problem().detail().contains("db.internal"));
        });

        assertEquals(1, logged.size(), "one line per refused request");
        assertTrue(logged.get(0).startsWith("event=database.unavailable outcome=refused"), logged.get(0));
        assertTrue(logged.get(0).contains("java.net.ConnectException"), logged.get(0));
        assertFalse(logged.get(0).contains("db.internal"), "no exception message in the log");
        assertFalse(logged.get(0).contains("\n"), logged.get(0));
    }

    @Test
    void connectionLostInTheMiddleOfAStatementIsUnavailability() {
        PSQLException lost = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);

        assertTrue(DatabaseFailures.isUnavailability(new PersistenceException(lost)));
    }

    @Test
    void databaseShuttingDownOrStartingUpIsUnavailability() {
        assertTrue(DatabaseFailures.isUnavailability(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFailures.isUnavailability(new SQLException("the database system is starting up",
                "57P03")));
    }

    @Test
    void poolThatCannotHandOutAConnectionIsUnavailability() {
        assertTrue(DatabaseFailures.isUnavailability(new PersistenceException(
                new SQLTransientConnectionException("Error in allocating a connection"))));
    }

    @Test
    void commitFailureAtTheEndOfATransactionIsA503() {
        // What a CDI @Transactional method raises when the commit itself fails: the transaction manager keeps no
        // SQL cause.
        Throwable failure = new TransactionalException("commit failed",
                new RollbackException("Transaction marked for rollback."));

        ProblemException answer = UnexpectedErrorMapper.answer(failure);

        assertEquals(503, answer.problem().status());
        assertEquals("5", answer.headers().get("Retry-After"));
    }

    @Test
    void commitRefusedForABrokenRuleIsNotUnavailability() {
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION));

        assertFalse(DatabaseFailures.isUnavailability(new TransactionalException("commit failed", rollback)));
        assertEquals(500, UnexpectedErrorMapper.answer(new TransactionalException("commit failed", rollback))
                .problem().status());
    }

    @Test
    void commitRefusedForAConcurrentChangeStaysAConflict() {
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new jakarta.persistence.OptimisticLockException("version changed"));

        assertEquals(409, UnexpectedErrorMapper.answer(new TransactionalException("commit failed", rollback))
                .problem().status());
    }

    @Test
    void otherFailuresStayUnexpected() {
        assertFalse(DatabaseFailures.isUnavailability(new IllegalStateException("bug")));
        assertFalse(DatabaseFailures.isUnavailability(new PersistenceException(
                new SQLException("syntax error", "42601"))));
    }

    private static List<String> captureLog(Runnable action) {
        Logger logger = Logger.getLogger(DatabaseFailures.class.getName());
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
