package org.reportremove.platform.problem;

import org.reportremove.platform.validation.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document. Null members are left out of the JSON.
 *
 * @param errorId set only for unexpected errors: the id under which the failure was logged
 * @param errors  set only for validation problems: each field that is wrong
 */
public record Problem(String type, String title, int status, String detail, String instance, String errorId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, null, null, null);
    }

    public static Problem invalidFields(List<FieldError> errors) {
        ProblemType type = ProblemType.INVALID_FIELDS;
        return new Problem(type.uri().toString(), type.title(), type.status(),
                errors.size() == 1 ? "One field is not valid." : errors.size() + " fields are not valid.",
                null, null, List.copyOf(errors));
    }

    public static Problem internalError(String errorId) {
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return new Problem(type.uri().toString(), type.title(), type.status(),
                "The request could not be completed. Nothing was changed. Quote the error id if you contact us.",
                null, errorId, null);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errorId, errors);
    }

    /**
     * The problem for a bare HTTP status raised by the runtime or the container (no domain detail known).
     * A 5xx is an unexpected error: it is logged and gets an error id.
     */
    public static Problem forStatus(int status, Throwable cause) {
        return switch (status) {
            case 400 -> of(ProblemType.MALFORMED_JSON, "The request could not be read.");
            case 401 -> of(ProblemType.UNAUTHENTICATED, "Send a valid bearer access token.");
            case 403 -> of(ProblemType.FORBIDDEN, "Your access token does not allow this.");
            case 404 -> of(ProblemType.NOT_FOUND, "There is nothing at this address.");
            case 405 -> of(ProblemType.METHOD_NOT_ALLOWED,
                    "This address does not accept this method; the Allow header lists the ones it does.");
            case 406 -> of(ProblemType.NOT_ACCEPTABLE, "Accept application/json.");
            case 413 -> of(ProblemType.BODY_TOO_LARGE, "The request body is over the size limit.");
            case 415 -> of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            case 409 -> of(ProblemType.CONFLICT, "The request conflicts with the current state.");
            case 429 -> of(ProblemType.TOO_MANY_ATTEMPTS, "Too many requests. Wait a little and try again.");
            case 408, 411, 414, 431 -> of(ProblemType.MALFORMED_JSON, "The request could not be read.");
            case 503 -> of(ProblemType.UNAVAILABLE, "Try again in a little while.");
            default -> status >= 500 || status < 400
                    ? internalError(SafeErrors.logUnexpected(cause == null ? new IllegalStateException("status " + status) : cause))
                    : of(ProblemType.NOT_ALLOWED_BY_RULES, "The request was not accepted.");
        };
    }
}
