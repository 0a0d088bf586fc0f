package org.reportremove.platform.problem;

import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentChangeLogFilterTest {

    @Test
    void theProvidersLostRaceBecomesOneLineWithoutTraceOrEntity() {
        LogRecord record = new LogRecord(Level.WARNING, "Local Exception Stack: The object [Account@4e6b2f0] ...");
        record.setLoggerName("org.eclipse.persistence.session./file:/app/WEB-INF/classes/_reportremove");
        record.setThrown(new RuntimeException("wrapped", new OptimisticLockException("Account 53947d98 changed")));

        assertTrue(new ConcurrentChangeLogFilter(null).isLoggable(record));

        assertNull(record.getThrown());
        assertEquals(ConcurrentChangeLogFilter.LINE, record.getMessage());
        assertEquals(Level.WARNING, record.getLevel());
    }

    @Test
    void aUniqueKeyMetByTwoWritersOfOneNewRowBecomesTheSameLine() {
        LogRecord record = new LogRecord(Level.WARNING, "Local Exception Stack: ...");
        record.setLoggerName("org.eclipse.persistence.session./file:/app/WEB-INF/classes/_reportremove");
        record.setThrown(new RuntimeException("Exception [EclipseLink-4002]", new SQLException(
                "ERROR: duplicate key value violates unique constraint \"analyst_bundle_pkey\"", "23505")));

        assertTrue(new ConcurrentChangeLogFilter(null).isLoggable(record));

        assertNull(record.getThrown());
        assertEquals(ConcurrentChangeLogFilter.LINE, record.getMessage());
    }

    @Test
    void everythingElsePassesAsItWasThroughTheFilterBefore() {
        RuntimeException other = new IllegalStateException("a real problem");
        LogRecord fromProvider = new LogRecord(Level.WARNING, "something else");
        fromProvider.setLoggerName("org.eclipse.persistence.session.x");
        fromProvider.setThrown(other);
        LogRecord raceElsewhere = new LogRecord(Level.WARNING, "ours");
        raceElsewhere.setLoggerName("org.reportremove.cases");
        raceElsewhere.setThrown(new OptimisticLockException());
        LogRecord otherFailure = new LogRecord(Level.WARNING, "a check failed");
        otherFailure.setLoggerName("org.eclipse.persistence.session.x");
        otherFailure.setThrown(new RuntimeException(new SQLException("ERROR: new row violates check constraint",
                "23514")));

        assertTrue(new ConcurrentChangeLogFilter(null).isLoggable(fromProvider));
        assertSame(other, fromProvider.getThrown());
        assertEquals("something else", fromProvider.getMessage());
        new ConcurrentChangeLogFilter(null).isLoggable(raceElsewhere);
        assertEquals("ours", raceElsewhere.getMessage());
        new ConcurrentChangeLogFilter(null).isLoggable(otherFailure);
        assertEquals("a check failed", otherFailure.getMessage());
        assertNotNull(otherFailure.getThrown(), "only a unique key is a lost race");
        assertFalse(new ConcurrentChangeLogFilter(r -> false).isLoggable(fromProvider), "the earlier filter still rules");
    }
}
