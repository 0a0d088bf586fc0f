package org.reportremove.platform.problem;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns down the runtime's own loggers that write a full stack trace for something any caller can cause: a bad
 * bearer token (the JWT identity store logs each one at INFO with its trace, about 5 KB a request). Unauthenticated
 * callers could grow the log at will; the request log's one line per request (with its 401) is enough. Likewise
 * the persistence provider's stack trace for two requests that change one row at once becomes one line
 * ({@link ConcurrentChangeLogFilter}), on every handler of the root logger, where the runtime writes its log.
 *
 * <p>The connection pool writes a full stack trace for each connection it fails to make or use while the database
 * is away ({@code RAR7115}, {@code RAR5031} and their kin): thousands of lines a minute in an outage. Its records
 * keep their one-line message and lose the trace; each refused request is logged once as
 * {@code event=database.unavailable}, and readiness reports the database down.
 */
@Startup
@Singleton
public class QuietRuntimeLogs {

    /** Held here: a logger that nobody references may be collected, and its level with it. */
    private static final List<Logger> TURNED_DOWN = List.of(
            Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore"));

    /** The resource adapter's loggers, named by the runtime after the package of the class that logs. */
    private static final String POOL_LOGGER_PREFIX = "javax.enterprise.resource.resourceadapter.";
    private static final List<Logger> ONE_LINE = List.of(
            "com.sun.gjc.spi", "com.sun.gjc.spi.base", "com.sun.gjc.spi.jdbc40", "com.sun.gjc.common",
            "com.sun.gjc.util", "com.sun.enterprise.resource", "com.sun.enterprise.resource.rm",
            "com.sun.enterprise.resource.pool", "com.sun.enterprise.resource.allocator",
            "com.sun.enterprise.connectors").stream()
            .map(name -> Logger.getLogger(POOL_LOGGER_PREFIX + name))
            .toList();

    @PostConstruct
    void turnDown() {
        TURNED_DOWN.forEach(logger -> logger.setLevel(Level.WARNING));
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof ConcurrentChangeLogFilter)) {
                handler.setFilter(new ConcurrentChangeLogFilter(handler.getFilter()));
            }
        }
        ONE_LINE.forEach(logger -> logger.setFilter(QuietRuntimeLogs::withoutTrace));
    }

    /** Keeps the record (its message says what happened) but not its stack trace. */
    static boolean withoutTrace(LogRecord record) {
        record.setThrown(null);
        return true;
    }
}
