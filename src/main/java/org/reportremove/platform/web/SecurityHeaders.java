package org.reportremove.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries. The API serves JSON only, so the content security policy allows nothing.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse response, boolean secure) {
        // Answers can describe a young person's case: never keep them in a cache, shared or private.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
