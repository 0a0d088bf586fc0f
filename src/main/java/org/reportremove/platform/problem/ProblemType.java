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
    INVALID_GRANT(400, "invalid-grant", "The sign-in was not accepted"),
    UNSUPPORTED_GRANT_TYPE(400, "unsupported-grant-type", "This grant type is not supported"),
    INVALID_CLIENT(401, "invalid-client", "The client assertion was not accepted"),
    FORBIDDEN(403, "forbidden", "This access token may not do that"),
    NOT_FOUND(404, "not-found", "Nothing was found here"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not allowed here"),
    NOT_ACCEPTABLE(406, "not-acceptable", "The service cannot answer in the requested media type"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    BODY_TOO_LARGE(413, "body-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be JSON"),
    IMAGERY_REFUSED(415, "hashes-only", "This service accepts hashes only, never images or videos"),
    NOT_ALLOWED_BY_RULES(422, "rule-violation", "The request is well formed but not allowed"),
    // Age checks: one type per reason an attestation is refused, so that an app can tell the person what to do.
    ATTESTATION_MALFORMED(400, "attestation-malformed", "The attestation is not a signed token"),
    ATTESTATION_SIGNATURE_INVALID(422, "attestation-signature-invalid", "The attestation's signature is not valid"),
    ATTESTATION_KEY_UNKNOWN(422, "attestation-key-unknown",
            "The attestation is signed with a key the provider has not published"),
    ATTESTATION_ISSUER_WRONG(422, "attestation-issuer-wrong",
            "The attestation is not from this service's age check provider"),
    ATTESTATION_AUDIENCE_WRONG(422, "attestation-audience-wrong", "The attestation is meant for another service"),
    ATTESTATION_EXPIRED(422, "attestation-expired", "The attestation has expired or is not valid yet"),
    ATTESTATION_NONCE_MISMATCH(422, "attestation-nonce-mismatch", "The attestation belongs to another age check"),
    ATTESTATION_INCOMPLETE(422, "attestation-incomplete", "The attestation does not say what the service needs"),
    AGE_CHECK_USED(409, "age-check-used", "This age check has already been used"),
    AGE_CHECK_EXPIRED(404, "age-check-expired", "This age check has expired"),
    OVER_18(422, "over-18", "This service is for people under 18"),
    // Cases.
    IDEMPOTENCY_KEY_REQUIRED(400, "idempotency-key-required", "An Idempotency-Key header is needed"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused",
            "This Idempotency-Key was already used for a different request"),
    CASE_WITHDRAWN(409, "case-withdrawn", "This case has been withdrawn"),
    // Analyst exchange: air-gap bundles.
    BUNDLE_REFUSED(422, "bundle-refused", "The bundle cannot be trusted or read"),
    BUNDLE_REPLAYED(409, "bundle-replayed", "This bundle was imported before"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many attempts"),
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
