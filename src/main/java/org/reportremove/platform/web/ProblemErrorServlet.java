package org.reportremove.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reportremove.platform.problem.Problem;

import java.io.IOException;

/**
 * The container's error page, for every status and exception that no JAX-RS mapper saw: unknown paths outside
 * the API, authentication refusals from the token mechanism, failures in filters. Always a problem document,
 * never the server's HTML page or a stack trace.
 */
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        if (failure != null && status < 500) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        ProblemWriter.write(response, Problem.forStatus(status, failure));
    }
}
