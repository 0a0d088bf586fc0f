package org.reportremove.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * Builds the HTTP response for a problem, the same way for every mapper.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (problem.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer");
        }
        return answer.build();
    }

    public static Response of(ProblemException exception) {
        Response.ResponseBuilder answer = Response.fromResponse(of(exception.problem()));
        exception.headers().forEach(answer::header);
        return answer.build();
    }
}
