package org.reportremove.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemType;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Security headers on every response, and CORS: closed (no CORS headers at all) unless origins are configured
 * in {@code reportremove.cors.allowed-origins}; then only those exact origins get them.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";

    private Set<String> allowedOrigins;

    @Override
    public void init() {
        allowedOrigins = Set.copyOf(ConfigProvider.getConfig()
                .getOptionalValues("reportremove.cors.allowed-origins", String.class).orElse(List.of()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        SecurityHeaders.apply(response, request.isSecure(), SecurityHeaders.webClientPath(path));
        String origin = request.getHeader("Origin");
        boolean allowedOrigin = origin != null && allowedOrigins.contains(origin);
        if (origin != null) {
            response.addHeader("Vary", "Origin");
        }
        if (allowedOrigin) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Location, X-Request-Id");
        }
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowedOrigin) {
                ProblemWriter.write(response, Problem.of(ProblemType.FORBIDDEN,
                        "This origin may not call the API from a browser."));
                return;
            }
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
