package org.reportremove.platform.problem;

/**
 * The id of the request being served on this thread, so that log lines from anywhere can name it.
 * Set and cleared by the request filter at the edge.
 */
public final class RequestIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    public static String current() {
        String id = CURRENT.get();
        return id == null ? "-" : id;
    }

    public static void set(String requestId) {
        CURRENT.set(requestId);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
