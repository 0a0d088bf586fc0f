package org.reportremove.platform.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs unexpected failures without their messages. Exception messages from drivers and libraries can carry
 * what the caller sent (a database error repeats the duplicate value, a parser the offending text), so only
 * exception types and stack frames are written, under an error id the caller also receives.
 */
public final class SafeErrors {

    private static final Logger LOG = Logger.getLogger(SafeErrors.class.getName());
    private static final int MAX_FRAMES_PER_CAUSE = 12;

    private SafeErrors() {
    }

    /** Logs the failure and returns the error id to hand to the caller. */
    public static String logUnexpected(Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "event=error.unexpected errorId={0} requestId={1} trace={2}",
                new Object[]{errorId, RequestIds.current(), describe(failure)});
        return errorId;
    }

    /** Exception types and frames of the whole cause chain, with every message left out. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        int depth = 0;
        while (current != null && depth < 10) {
            if (depth > 0) {
                text.append(" <- caused by ");
            }
            text.append(current.getClass().getName());
            if (current instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                // SQL states are codes from a fixed list, never values.
                text.append(" sqlState=").append(sql.getSQLState());
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES_PER_CAUSE); i++) {
                text.append("\n    at ").append(frames[i]);
            }
            current = current.getCause() == current ? null : current.getCause();
            depth++;
        }
        return text.toString();
    }
}
