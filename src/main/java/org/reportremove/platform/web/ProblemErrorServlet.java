package org.reportremove.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reportremove.platform.problem.DatabaseFailures;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's error page, for every status and exception that no JAX-RS mapper saw: unknown paths outside
 * the API, authentication refusals from the token mechanism, failures in filters. Always a problem document,
 * never the server's HTML page or a stack trace, and always with the request's id, also when the request was
 * refused before the request log filter saw it (the token check runs before any filter); such requests are
 * logged here.
 *
 * <p>A servlet answers a method it does not implement with 501 (an unknown one such as {@code PROPFIND}, or
 * {@code PATCH}, which servlets before 6.1 do not know) or 405: both are the caller's mistake, answered as a
 * 405 whose {@code Allow} lists the methods the servlet does implement.
 */
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The container's servlet for addresses no other servlet serves; this service has no static files. */
    private static final String DEFAULT_SERVLET = "default";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean logHere = !RequestLogFilter.seen(request);
        String requestId = RequestLogFilter.idOf(request);
        response.setHeader(RequestLogFilter.HEADER, requestId);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        if (failure != null && status < 500) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        if (failure == null && (status == HttpServletResponse.SC_NOT_IMPLEMENTED
                || status == HttpServletResponse.SC_METHOD_NOT_ALLOWED)) {
            String servlet = (String) request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME);
            if (DEFAULT_SERVLET.equals(servlet)) {
                status = HttpServletResponse.SC_NOT_FOUND;
            } else {
                status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
                response.setHeader("Allow", allowedMethods(request, servlet));
            }
        }
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (failure != null && DatabaseFailures.isUnavailability(failure)) {
            // A filter's database work (a rate limit, say) failed because the database is away: 503, not 500.
            ProblemException unavailable = DatabaseFailures.answer(failure);
            unavailable.headers().forEach(response::setHeader);
            ProblemWriter.write(response, unavailable.problem());
        } else {
            ProblemWriter.write(response, Problem.forStatus(status, failure));
        }
        if (logHere) {
            RequestLogFilter.log(requestId, request.getMethod(),
                    (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), response.getStatus(), 0);
        }
    }

    /** The methods the servlet overrides, as {@link HttpServlet#doOptions} works them out. */
    private String allowedMethods(HttpServletRequest request, String servletName) {
        List<String> allowed = new ArrayList<>();
        Class<?> servlet = servletClass(request, servletName);
        if (servlet == null || overrides(servlet, "doGet")) {
            allowed.add("GET");
            allowed.add("HEAD");
        }
        if (servlet != null && overrides(servlet, "doPost")) {
            allowed.add("POST");
        }
        if (servlet != null && overrides(servlet, "doPut")) {
            allowed.add("PUT");
        }
        if (servlet != null && overrides(servlet, "doDelete")) {
            allowed.add("DELETE");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    private Class<?> servletClass(HttpServletRequest request, String servletName) {
        ServletRegistration registration = servletName == null ? null
                : request.getServletContext().getServletRegistration(servletName);
        if (registration == null || registration.getClassName() == null) {
            return null;
        }
        for (ClassLoader loader : new ClassLoader[]{Thread.currentThread().getContextClassLoader(),
                ProblemErrorServlet.class.getClassLoader()}) {
            try {
                return Class.forName(registration.getClassName(), false, loader);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // Try the next loader; a servlet we cannot see is taken to serve GET only.
            }
        }
        return null;
    }

    private static boolean overrides(Class<?> servlet, String method) {
        for (Class<?> c = servlet; c != null && c != HttpServlet.class && c != Object.class; c = c.getSuperclass()) {
            for (var declared : c.getDeclaredMethods()) {
                if (declared.getName().equals(method) && declared.getParameterCount() == 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
