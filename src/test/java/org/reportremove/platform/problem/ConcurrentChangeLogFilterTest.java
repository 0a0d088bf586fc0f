package org.reportremove.platform.problem;

import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void everythingElsePassesAsItWasThroughTheFilterBefore() {
        RuntimeException other = new IllegalStateException("a real problem");
        LogRecord fromProvider = new LogRecord(Level.WARNING, "something else");
        fromProvider.setLoggerName("org.eclipse.persistence.session.x");
        fromProvider.setThrown(other);
        LogRecord raceElsewhere = new LogRecord(Level.WARNING, "ours");
        raceElsewhere.setLoggerName("org.reportremove.cases");
        raceElsewhere.setThrown(new OptimisticLockException());

        assertTrue(new ConcurrentChangeLogFilter(null).isLoggable(fromProvider));
        assertSame(other, fromProvider.getThrown());
        assertEquals("something else", fromProvider.getMessage());
        new ConcurrentChangeLogFilter(null).isLoggable(raceElsewhere);
        assertEquals("ours", raceElsewhere.getMessage());
        assertFalse(new ConcurrentChangeLogFilter(r -> false).isLoggable(fromProvider), "the earlier filter still rules");
    }
}
