package org.reportremove.platform.problem;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns down the runtime's own loggers that write a full stack trace for something any caller can cause: a bad
 * bearer token (the JWT identity store logs each one at INFO with its trace, about 5 KB a request). Unauthenticated
 * callers could grow the log at will; the request log's one line per request (with its 401) is enough. Likewise
 * the persistence provider's stack trace for two requests that change one row at once becomes one line
 * ({@link ConcurrentChangeLogFilter}), on every handler of the root logger, where the runtime writes its log.
 */
@Startup
@Singleton
public class QuietRuntimeLogs {

    /** Held here: a logger that nobody references may be collected, and its level with it. */
    private static final List<Logger> TURNED_DOWN = List.of(
            Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore"));

    @PostConstruct
    void turnDown() {
        TURNED_DOWN.forEach(logger -> logger.setLevel(Level.WARNING));
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof ConcurrentChangeLogFilter)) {
                handler.setFilter(new ConcurrentChangeLogFilter(handler.getFilter()));
            }
        }
    }
}
