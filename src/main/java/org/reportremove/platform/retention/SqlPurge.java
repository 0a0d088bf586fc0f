package org.reportremove.platform.retention;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A purge written as SQL on the transaction's connection (so it can be tested on a database without the
 * container). Subclasses run each batch in a transaction of their own ({@code REQUIRES_NEW} on the class), in which
 * the count is announced.
 */
public abstract class SqlPurge implements Purge {

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<RecordsPurged> purged;

    /** Removes at most {@code max} records past their retention at {@code now}, on the caller's connection. */
    protected abstract int purge(Connection connection, Instant now, int max) throws SQLException;

    @Override
    public int purgeBatch(Instant now, int max) {
        int removed;
        try (Connection connection = dataSource.getConnection()) {
            removed = purge(connection, now, max);
        } catch (SQLException e) {
            throw new IllegalStateException("Retention could not purge " + what(), e);
        }
        if (removed > 0) {
            purged.fire(new RecordsPurged(what(), removed));
        }
        return removed;
    }
}
