package org.reportremove.platform.problem;

import java.sql.SQLException;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Makes the persistence provider's report of a lost race one line. EclipseLink logs an optimistic lock failure at
 * WARNING with its whole stack (and the entity's class and id in the message) whenever two requests change the same
 * row at once, which any caller can make happen; the request is answered {@code 409 conflict} anyway. A unique
 * key met by two requests writing the same new row (two imports of one bundle) is cut the same way: its record
 * would carry the key's name and the driver's message. The record keeps its level and logger but loses its trace
 * and its message. Every other record passes as it was, through the filter the handler had before.
 */
final class ConcurrentChangeLogFilter implements Filter {

    static final String LINE = "event=persistence.conflict outcome=concurrent-change";
    private static final String PROVIDER_LOGGERS = "org.eclipse.persistence";
    /** The SQL standard's state for a unique key violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Filter before;

    ConcurrentChangeLogFilter(Filter before) {
        this.before = before;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLoggerName() != null && record.getLoggerName().startsWith(PROVIDER_LOGGERS)
                && isLostRace(record.getThrown())) {
            record.setThrown(null);
            record.setMessage(LINE);
            record.setParameters(null);
            record.setLevel(Level.WARNING);
        }
        return before == null || before.isLoggable(record);
    }

    /**
     * An optimistic lock failure, the provider's own or the Jakarta one, or a unique key violation, anywhere in the
     * chain.
     */
    static boolean isLostRace(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current.getClass().getSimpleName().equals("OptimisticLockException")
                    || current instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
