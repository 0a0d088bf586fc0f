package org.reportremove.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one assertion for an RFC 9457 problem answer, so that every test checks a bad request the same, whole way:
 * the status, the {@code application/problem+json} content type, the type URI, the title, the {@code status}
 * member, the detail (exactly, where it is fixed), the list of wrong fields (exactly, where the problem has one),
 * the security headers and a request id, and that nothing else is in the document (no stack trace, no server
 * page, no member the contract does not name).
 *
 * <p>Start with {@link #problem(int, String, String)} (or one of the common problems below), say what else is
 * known, then call {@link Expected#assertOn(Reply)}. The short forms {@link #assertProblem} do both at once.
 */
public final class ProblemAssert {

    public static final String TYPE_PREFIX = "urn:reportremove:problem:";
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errorId",
            "errors");

    private ProblemAssert() {
    }

    /** A problem of this status, type (the part after {@value #TYPE_PREFIX}) and title. */
    public static Expected problem(int status, String typeSlug, String title) {
        return new Expected(status, typeSlug, title);
    }

    public static JsonObject assertProblem(Reply reply, int status, String typeSlug, String title) {
        return problem(status, typeSlug, title).assertOn(reply);
    }

    public static JsonObject assertProblem(Reply reply, int status, String typeSlug, String title, String detail) {
        return problem(status, typeSlug, title).detail(detail).assertOn(reply);
    }

    /**
     * A 400 naming exactly these fields with exactly these messages, in this order ({@code field, message, field,
     * message, ...}), with the detail that counts them.
     */
    public static JsonObject assertInvalidFields(Reply reply, String... fieldsAndMessages) {
        return invalidFields(fieldsAndMessages).assertOn(reply);
    }

    // The problems many tests meet, with the titles the service gives them.

    public static Expected invalidFields(String... fieldsAndMessages) {
        if (fieldsAndMessages.length % 2 != 0) {
            throw new IllegalArgumentException("fields and messages come in pairs");
        }
        int fields = fieldsAndMessages.length / 2;
        return problem(400, "invalid-fields", "Some fields are missing or not valid")
                .detail(fields == 1 ? "One field is not valid." : fields + " fields are not valid.")
                .errors(fieldsAndMessages);
    }

    /** A 400 naming exactly these fields, in order, with messages the test does not pin down. */
    public static Expected invalidFieldsNamed(String... fields) {
        return problem(400, "invalid-fields", "Some fields are missing or not valid")
                .detail(fields.length == 1 ? "One field is not valid." : fields.length + " fields are not valid.")
                .errorFields(fields);
    }

    public static Expected malformedJson() {
        return problem(400, "malformed-json", "The request body is not valid JSON");
    }

    public static Expected unauthenticated() {
        return problem(401, "unauthenticated", "A valid access token is needed")
                .detail("Send a valid bearer access token.");
    }

    public static Expected forbidden() {
        return problem(403, "forbidden", "This access token may not do that")
                .detail("Your access token does not allow this.");
    }

    public static Expected notFound() {
        return problem(404, "not-found", "Nothing was found here");
    }

    public static Expected hashesOnly() {
        return problem(415, "hashes-only", "This service accepts hashes only, never images or videos")
                .detail("Never send images or videos. Send the hashes that the app makes on your device instead.");
    }

    /** A body over the limit: the detail names the limit when the request declared its length up front. */
    public static Expected bodyTooLarge(long declaredLimit) {
        return problem(413, "body-too-large", "The request body is too large")
                .detail("The request body is over the limit of " + declaredLimit + " bytes.");
    }

    /** A body that was streamed without a declared length and ran over the limit on the way in. */
    public static Expected streamedBodyTooLarge() {
        return problem(413, "body-too-large", "The request body is too large")
                .detail("The request body is over the size limit.");
    }

    /** What a problem answer must be; each method adds one thing that is known about it. */
    public static final class Expected {

        private final int status;
        private final String type;
        private final String title;
        private String detail;
        private String detailStart;
        private List<String> errors;
        private List<String> errorFields;
        private final List<String> notEchoed = new ArrayList<>();
        private boolean errorId;

        private Expected(int status, String typeSlug, String title) {
            this.status = status;
            this.type = TYPE_PREFIX + typeSlug;
            this.title = title;
        }

        /** The detail is exactly this. */
        public Expected detail(String value) {
            detail = value;
            return this;
        }

        /** The detail holds a value worked out at run time (a wait, an id): it starts with this fixed part. */
        public Expected detailStartingWith(String value) {
            detailStart = value;
            return this;
        }

        /** The {@code errors} member names exactly these fields with these messages, in order. */
        public Expected errors(String... fieldsAndMessages) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i + 1 < fieldsAndMessages.length; i += 2) {
                expected.add(fieldsAndMessages[i] + ": " + fieldsAndMessages[i + 1]);
            }
            errors = expected;
            return this;
        }

        /** The {@code errors} member names exactly these fields, in order, whatever the messages say. */
        public Expected errorFields(String... fields) {
            errorFields = Arrays.asList(fields);
            return this;
        }

        /** None of these values sent in the request may come back in the answer. */
        public Expected notEchoing(String... values) {
            notEchoed.addAll(Arrays.asList(values));
            return this;
        }

        /** An unexpected error: the document carries the id it was logged under. */
        public Expected withErrorId() {
            errorId = true;
            return this;
        }


        /** Asserts the whole answer and returns the problem document, for anything a test checks beyond it. */
        public JsonObject assertOn(Reply reply) {
            assertEquals(status, reply.status(), () -> "status of " + reply.body());
            String contentType = reply.contentType();
            assertNotNull(contentType, "a problem has a content type");
            assertEquals(MEDIA_TYPE, contentType.split(";")[0].trim(), "content type");
            JsonObject problem;
            try {
                problem = reply.json();
            } catch (RuntimeException e) {
                return fail("the problem is not a JSON object: " + reply.body());
            }
            assertAll("problem document " + reply.body(),
                    () -> assertEquals(type, problem.getString("type", null), "type"),
                    () -> assertEquals(title, problem.getString("title", null), "title"),
                    () -> assertTrue(problem.get("status") instanceof jakarta.json.JsonNumber, "status member"),
                    () -> assertEquals(status, problem.getInt("status", -1), "status member"),
                    () -> assertDetail(problem),
                    () -> assertErrors(problem),
                    () -> assertEquals(errorId, problem.containsKey("errorId"), "errorId only for unexpected errors"),
                    () -> assertTrue(MEMBERS.containsAll(problem.keySet()), "members " + problem.keySet()),
                    () -> assertFalse(reply.body().contains("Exception"), "no exception names or stack traces"),
                    () -> assertFalse(reply.body().contains("<html"), "no server error page"),
                    () -> assertEquals("nosniff", reply.header("X-Content-Type-Options"), "X-Content-Type-Options"),
                    () -> assertEquals("no-store", reply.header("Cache-Control"), "Cache-Control"),
                    () -> assertRequestId(reply));
            for (String value : notEchoed) {
                assertFalse(reply.body().contains(value),
                        "the problem repeats a value that was sent (" + value.length() + " characters)");
            }
            return problem;
        }

        private void assertRequestId(Reply reply) {
            String requestId = reply.header("X-Request-Id");
            assertFalse(requestId == null || requestId.isBlank(), "X-Request-Id");
        }

        private void assertDetail(JsonObject problem) {
            String actual = problem.getString("detail", null);
            assertNotNull(actual, "a problem has a detail");
            assertFalse(actual.isBlank(), "a problem's detail says something");
            if (detail != null) {
                assertEquals(detail, actual, "detail");
            }
            if (detailStart != null) {
                assertTrue(actual.startsWith(detailStart), "detail starts with '" + detailStart + "': " + actual);
            }
        }

        private void assertErrors(JsonObject problem) {
            if (errors == null && errorFields == null) {
                assertFalse(problem.containsKey("errors"), "no field errors for this problem");
                return;
            }
            JsonValue value = problem.get("errors");
            assertTrue(value instanceof JsonArray, "the problem lists the fields that are wrong");
            List<JsonObject> listed = ((JsonArray) value).getValuesAs(JsonObject.class);
            for (JsonObject error : listed) {
                assertEquals(Set.of("field", "message"), error.keySet(), "an error names a field and a message");
            }
            if (errors != null) {
                assertEquals(errors, listed.stream().map(e -> e.getString("field") + ": " + e.getString("message"))
                        .toList(), "field errors");
            }
            if (errorFields != null) {
                assertEquals(errorFields, listed.stream().map(e -> e.getString("field")).toList(), "fields");
            }
        }
    }
}
