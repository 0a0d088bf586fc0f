package org.reportremove.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reportremove.platform.problem.RequestIds;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id (echoed in {@code X-Request-Id}) and logs one line when it ends: method, route,
 * status and duration. The route masks every path segment that is not a plain lower-case word, so that ids,
 * references or anything a client puts in a path stay out of the log, and an address that matched nothing is not
 * logged at all; query strings and bodies are never logged.
 */
public class RequestLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestLogFilter.class.getName());
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestLogFilter.class.getName() + ".id";
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    // Plain lower-case words of the API's own paths (and its version, v1): no digits otherwise, and short, so
    // that a hex hash, a reference or anything else a client puts in a path never matches.
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{0,23}|v[0-9]{1,2}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = idOf(request);
        long started = System.nanoTime();
        RequestIds.set(requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            log(requestId, request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
            RequestIds.clear();
        }
    }

    /**
     * The request's id: the one already given to it, else a well-formed incoming one, else a new one. Kept on the
     * request, so that the error page, which runs after this filter or for requests refused before it (a missing
     * token), answers with the same id.
     */
    static String idOf(HttpServletRequest request) {
        Object given = request.getAttribute(ATTRIBUTE);
        if (given instanceof String id) {
            return id;
        }
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && ACCEPTED_ID.matcher(incoming).matches()
                ? incoming : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, requestId);
        return requestId;
    }

    /** Whether this filter has seen the request (and so will log it). */
    static boolean seen(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }

    static void log(String requestId, String method, String path, int status, long millis) {
        LOG.info(() -> "event=http.request requestId=" + requestId + " method=" + safeMethod(method)
                + " route=" + (status == 404 ? "(unmatched)" : route(path))
                + " status=" + status
                + " durationMs=" + millis);
    }

    static String route(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder route = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            route.append('/').append(WORD.matcher(segment).matches() ? segment : "*");
        }
        return route.length() == 0 ? "/" : route.toString();
    }

    private static String safeMethod(String method) {
        return method != null && method.matches("[A-Z]{1,10}") ? method : "*";
    }
}
