package org.reportremove.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import org.reportremove.platform.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem from servlet code (filters and the error page), where no JAX-RS mapper runs.
 */
final class ProblemWriter {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        SecurityHeaders.apply(response, false);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
