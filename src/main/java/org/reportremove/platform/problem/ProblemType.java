package org.reportremove.platform.problem;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of problem the service answers with. The type URI is stable: clients switch on it, so a published value
 * never changes meaning. The generic kinds are here; each capability's boundary declares its own (for example
 * {@code CaseProblems.CASE_WITHDRAWN}) next to the mapping of its domain failures. docs/api/problems.md lists
 * them all, and a test keeps that list complete.
 *
 * @param slug the last part of the type URI, {@code urn:reportremove:problem:<slug>}
 */
public record ProblemType(int status, String slug, String title) {

    private static final String BASE = "urn:reportremove:problem:";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final ProblemType MALFORMED_JSON = new ProblemType(400, "malformed-json",
            "The request body is not valid JSON");
    public static final ProblemType INVALID_FIELDS = new ProblemType(400, "invalid-fields",
            "Some fields are missing or not valid");
    public static final ProblemType INVALID_PARAMETER = new ProblemType(400, "invalid-parameter",
            "A path or query parameter is not valid");
    public static final ProblemType UNAUTHENTICATED = new ProblemType(401, "unauthenticated",
            "A valid access token is needed");
    public static final ProblemType FORBIDDEN = new ProblemType(403, "forbidden", "This access token may not do that");
    public static final ProblemType NOT_FOUND = new ProblemType(404, "not-found", "Nothing was found here");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType(405, "method-not-allowed",
            "This method is not allowed here");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType(406, "not-acceptable",
            "The service cannot answer in the requested media type");
    public static final ProblemType CONFLICT = new ProblemType(409, "conflict",
            "The request conflicts with the current state");
    public static final ProblemType BODY_TOO_LARGE = new ProblemType(413, "body-too-large",
            "The request body is too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType(415, "unsupported-media-type",
            "The request body must be JSON");
    public static final ProblemType IMAGERY_REFUSED = new ProblemType(415, "hashes-only",
            "This service accepts hashes only, never images or videos");
    public static final ProblemType NOT_ALLOWED_BY_RULES = new ProblemType(422, "rule-violation",
            "The request is well formed but not allowed");
    public static final ProblemType TOO_MANY_ATTEMPTS = new ProblemType(429, "too-many-attempts", "Too many attempts");
    public static final ProblemType INTERNAL_ERROR = new ProblemType(500, "internal-error",
            "Something went wrong on our side");
    public static final ProblemType UNAVAILABLE = new ProblemType(503, "unavailable",
            "The service is not available right now");
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType(503, "service-unavailable",
            "The service cannot reach its database right now");

    public ProblemType {
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599 || slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("a problem type needs a 4xx or 5xx status and a lower-case slug");
        }
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }
}
