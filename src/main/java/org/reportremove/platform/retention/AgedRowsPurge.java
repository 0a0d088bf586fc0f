package org.reportremove.platform.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * A purge of {@link AgedRows}: a capability names the rows and the kind, and says how long they are kept past their
 * timestamp (usually from its own configuration). Subclasses are {@code REQUIRES_NEW} beans, as for any
 * {@link SqlPurge}.
 */
public abstract class AgedRowsPurge extends SqlPurge {

    private final PurgedRecords what;
    private final AgedRows rows;

    protected AgedRowsPurge(PurgedRecords what, AgedRows rows) {
        this.what = what;
        this.rows = rows;
    }

    /** How long a row is kept after its timestamp. */
    protected abstract Duration kept();

    @Override
    public PurgedRecords what() {
        return what;
    }

    @Override
    protected int purge(Connection connection, Instant now, int max) throws SQLException {
        return rows.purge(connection, now.minus(kept()), max);
    }
}
