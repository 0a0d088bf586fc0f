package org.reportremove.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries. The API serves JSON only, so its content security policy allows nothing. The
 * web client's own files (the page, its modules and the hashing module) get a policy of their own that still allows
 * nothing from elsewhere: scripts, styles, workers and requests from this origin only, no inline script, images only
 * from here or from the young person's own files ({@code blob:}, for the thumbnails made on the device).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String WEB_CLIENT_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' blob:; connect-src 'self'; worker-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    /** The web client's files: the page at {@code /}, its modules and the browser's hashing module. */
    static boolean webClientPath(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/app/")
                || path.startsWith("/hashing/");
    }

    static void apply(HttpServletResponse response, boolean secure) {
        apply(response, secure, false);
    }

    static void apply(HttpServletResponse response, boolean secure, boolean webClient) {
        // Answers can describe a young person's case: never keep them in a cache, shared or private.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                webClient ? WEB_CLIENT_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
