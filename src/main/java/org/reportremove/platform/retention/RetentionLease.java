package org.reportremove.platform.retention;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A database-level lease on the retention run, so that of several nodes whose schedules fire at once only one
 * purges (they would otherwise select the same rows and wait on each other's locks). The lease is one row; taking
 * it is a conditional update that only one transaction can win. A node that dies holding it frees it when it runs
 * out.
 */
@ApplicationScoped
public class RetentionLease {

    static final String RUN = "retention";
    private static final String TAKE = "UPDATE retention_lease SET holder = ?, held_until = ?"
            + " WHERE name = ? AND (held_until < ? OR holder = ?)";
    private static final String RELEASE = "UPDATE retention_lease SET held_until = ? WHERE name = ? AND holder = ?";

    /** Who holds the lease: this node, for as long as the application runs. */
    private final String holder = UUID.randomUUID().toString();

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** Takes the lease until {@code now + length} if nobody else holds it at {@code now}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(Instant now, Duration length) {
        try (Connection connection = dataSource.getConnection()) {
            return take(connection, holder, now, length);
        } catch (SQLException e) {
            throw new IllegalStateException("The retention lease could not be taken", e);
        }
    }

    /** Gives the lease back, so the next run need not wait for it to run out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            release(connection, holder, now);
        } catch (SQLException e) {
            throw new IllegalStateException("The retention lease could not be released", e);
        }
    }

    /** The lease's SQL, on a connection the caller commits: true when {@code holder} holds it now. */
    public static boolean take(Connection connection, String holder, Instant now, Duration length)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(TAKE)) {
            update.setString(1, holder);
            update.setObject(2, now.plus(length).atOffset(ZoneOffset.UTC));
            update.setString(3, RUN);
            update.setObject(4, now.atOffset(ZoneOffset.UTC));
            update.setString(5, holder);
            return update.executeUpdate() == 1;
        }
    }

    public static void release(Connection connection, String holder, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(RELEASE)) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            update.setString(2, RUN);
            update.setString(3, holder);
            update.executeUpdate();
        }
    }
}
