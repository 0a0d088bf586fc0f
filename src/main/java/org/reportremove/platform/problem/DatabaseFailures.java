package org.reportremove.platform.problem;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a database that cannot be reached from a mistake in the service, and answers it as a 503 with
 * {@code Retry-After}: the request was fine, and the same request sent again a little later will work. Retrying is
 * safe: submissions carry an {@code Idempotency-Key}, and a request whose commit failed changed nothing or is
 * recognised by its key.
 *
 * <p>A lost database shows up in several shapes, all recognised along the cause chain: a JDBC exception with a
 * connection-class SQL state (from the driver, through EclipseLink and JPA), the pool failing to hand out a
 * connection in time (a resource exception of the container, known only by name here because the web profile
 * API does not include the connector API), and a transaction whose commit failed without a rule being broken.
 */
public final class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class.getName());
    private static final String RETRY_AFTER_SETTING = "reportremove.datasource.retry-after-seconds";
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    /** SQL states of a database that is away: class 08 (connection), shutting down or starting up, full. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** The pool's own failures: it could not create or hand out a connection. */
    private static final Set<String> POOL_FAILURES = Set.of("jakarta.resource.ResourceException",
            "com.sun.appserv.connectors.internal.api.PoolingException");
    /** A commit or rollback the transaction manager could not complete. */
    private static final Set<String> COMMIT_FAILURES = Set.of("jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException", "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException");

    private DatabaseFailures() {
    }

    /** Whether this failure means the database could not be reached, rather than a mistake anywhere. */
    public static boolean isUnavailability(Throwable failure) {
        boolean lostConnection = false;
        boolean brokenRule = false;
        boolean commitFailed = false;
        int depth = 0;
        for (Throwable current = failure; current != null && depth < 20; current = current.getCause(), depth++) {
            if (current instanceof SQLException sql) {
                if (isConnectionFailure(sql)) {
                    lostConnection = true;
                } else if (sql.getSQLState() != null) {
                    brokenRule = true;
                }
            }
            if (current instanceof jakarta.persistence.OptimisticLockException
                    || current instanceof jakarta.persistence.EntityExistsException
                    || current instanceof jakarta.validation.ConstraintViolationException) {
                // The commit was refused for what it held (a concurrent change, a duplicate, an invalid value).
                brokenRule = true;
            }
            if (isA(current, POOL_FAILURES)) {
                lostConnection = true;
            }
            if (isA(current, COMMIT_FAILURES)) {
                commitFailed = true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        // A commit that failed with no SQL state of its own (the transaction manager often drops the cause) is
        // the database going away under it; one that names a broken rule (a duplicate key, say) is not.
        return lostConnection || (commitFailed && !brokenRule);
    }

    /** The answer to a database that is away, logged in one line with the failure's types only. */
    public static ProblemException answer(Throwable failure) {
        LOG.log(Level.WARNING, "event=database.unavailable outcome=refused requestId={0} cause={1}",
                new Object[]{RequestIds.current(), rootType(failure)});
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The service cannot reach its database just now. Send the same request again after the "
                        + "Retry-After seconds.")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds()));
    }

    private static boolean isConnectionFailure(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    private static boolean isA(Throwable failure, Set<String> typeNames) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost exception's type and SQL state: codes, never messages (they can repeat values). */
    private static String rootType(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null
                ? " sqlState=" + sql.getSQLState() : "";
        return root.getClass().getName() + state;
    }

    private static int retryAfterSeconds() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(RETRY_AFTER_SETTING, Integer.class)
                    .filter(seconds -> seconds > 0)
                    .orElse(DEFAULT_RETRY_AFTER_SECONDS);
        } catch (RuntimeException noConfiguration) {
            // Outside the container (or with a broken value) the default still gives a sensible answer.
            return DEFAULT_RETRY_AFTER_SECONDS;
        }
    }
}
