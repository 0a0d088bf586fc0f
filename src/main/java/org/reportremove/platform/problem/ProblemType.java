package org.reportremove.platform.problem;

import java.net.URI;

/**
 * Every kind of problem the service answers with. The type URI is stable: clients switch on it, so a
 * published value never changes meaning. docs/api/problems.md lists them all.
 */
public enum ProblemType {

    MALFORMED_JSON(400, "malformed-json", "The request body is not valid JSON"),
    INVALID_FIELDS(400, "invalid-fields", "Some fields are missing or not valid"),
    INVALID_PARAMETER(400, "invalid-parameter", "A path or query parameter is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid access token is needed"),
    FORBIDDEN(403, "forbidden", "This access token may not do that"),
    NOT_FOUND(404, "not-found", "Nothing was found here"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not allowed here"),
    NOT_ACCEPTABLE(406, "not-acceptable", "The service cannot answer in the requested media type"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    BODY_TOO_LARGE(413, "body-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be JSON"),
    IMAGERY_REFUSED(415, "hashes-only", "This service accepts hashes only, never images or videos"),
    NOT_ALLOWED_BY_RULES(422, "rule-violation", "The request is well formed but not allowed"),
    INTERNAL_ERROR(500, "internal-error", "Something went wrong on our side"),
    UNAVAILABLE(503, "unavailable", "The service is not available right now");

    private static final String BASE = "urn:reportremove:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }
}
