package org.reportremove.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The first connection the process makes waits for the database (it may be starting beside the service), up to
 * {@code reportremove.datasource.startup-wait-seconds}, trying every two seconds. When the wait runs out the process
 * stops with {@value #DATABASE_UNREACHABLE}: the first connection is asked for while the application deploys, and a
 * failed deployment would leave Payara Micro running without the application, a process that looks alive to a
 * supervisor. Once the database has answered, a lost connection is an ordinary error again.
 */
final class DatabaseStartupWait {

    static final String SETTING = "reportremove.datasource.startup-wait-seconds";
    /** Exit status when the database cannot be reached within the wait (EX_UNAVAILABLE in sysexits.h). */
    static final int DATABASE_UNREACHABLE = 69;
    private static final long PAUSE_MILLIS = 2000;
    private static final Logger LOG = Logger.getLogger(DatabaseStartupWait.class.getName());
    private static volatile boolean reached;

    private DatabaseStartupWait() {
    }

    /** A connection attempt, as the driver makes it. */
    interface Attempt {
        Connection connect() throws SQLException;
    }

    static boolean reached() {
        return reached;
    }

    /** Tries until the database answers or the wait runs out; then stops the process. */
    static synchronized Connection firstConnection(Attempt attempt, long waitSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, waitSeconds));
        for (int tries = 1; ; tries++) {
            try {
                Connection connection = attempt.connect();
                if (!reached && tries > 1) {
                    int attempts = tries;
                    LOG.info(() -> "event=database.reached attempts=" + attempts);
                }
                reached = true;
                return connection;
            } catch (SQLException | RuntimeException e) {
                // The type only: drivers repeat the URL, the user or the server's words in their messages.
                int attempts = tries;
                LOG.warning(() -> "event=database.unreachable attempt=" + attempts + " error=" + e.getClass().getName());
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.severe(() -> "event=startup.failed reason=database-unreachable waitedSeconds=" + waitSeconds);
                Runtime.getRuntime().halt(DATABASE_UNREACHABLE);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Runtime.getRuntime().halt(DATABASE_UNREACHABLE);
            }
        }
    }
}
