package org.reportremove.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Failures the JAX-RS runtime raises itself: unknown paths, wrong methods, wrong media types, parameters
 * that do not convert, and authorisation refusals.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (BodyFailures.isBodyFailure(exception)) {
            return ProblemResponses.of(BodyFailures.toProblem(exception));
        }
        Response original = exception.getResponse();
        Problem problem = problemFor(exception, original.getStatus());
        Response.ResponseBuilder answer = Response.fromResponse(ProblemResponses.of(problem));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    private static Problem problemFor(WebApplicationException exception, int status) {
        // Jersey reports a query or path parameter that does not convert (an unknown enum value, a word where
        // a number belongs) as a 404; the caller sent a bad value, so say so.
        if (exception.getClass().getName().contains("ParamException")) {
            return Problem.of(ProblemType.INVALID_PARAMETER,
                    "A path or query parameter has a value of the wrong type or outside the allowed values.");
        }
        return Problem.forStatus(status, exception);
    }
}
