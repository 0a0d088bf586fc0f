package org.reportremove.platform.web;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.Reply;
import org.reportremove.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP edge of the deployed service: the one error contract for every kind of bad input, the door that
 * refuses imagery, security headers, CORS, health, OpenAPI and metrics.
 */
class PlatformHttpTest extends DeployedServiceTest {

    private static final String ENTRIES = "/api/v1/operator/audit/entries";
    private static final String JSON = "application/json";

    private String operator;

    @BeforeEach
    void connect() {
        operator = "Bearer " + Tokens.operator(api);
    }

    @Test
    void malformedJsonIsAProblemNamingNoContent() {
        Reply reply = api.post(ENTRIES, JSON, "{\"action\": \"KEY_ROTATED\", \"objectId\": \"secret-zebra-7\"",
                "Authorization", operator);

        assertProblem(reply, 400, "urn:reportremove:problem:malformed-json");
        assertFalse(reply.body().contains("secret-zebra-7"), "the problem must not echo the body");
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        Reply reply = api.post(ENTRIES, JSON, "{\"action\": \"KEY_ROTATED\", \"objectId\": {\"nested\": 42}}",
                "Authorization", operator);

        assertProblem(reply, 400, "urn:reportremove:problem:invalid-fields");
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("objectId", error.getString("field"));
        assertEquals("has the wrong type or format", error.getString("message"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        Reply reply = api.post(ENTRIES, JSON, "{\"action\": \"LAUNCH_ROCKETS\", \"objectId\": \"key-1\"}",
                "Authorization", operator);

        assertProblem(reply, 400, "urn:reportremove:problem:invalid-fields");
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("action", error.getString("field"));
        assertTrue(error.getString("message").startsWith("must be one of KEY_ROTATED, BACKUP_RESTORED"),
                error.getString("message"));
        assertFalse(reply.body().contains("LAUNCH_ROCKETS"));
    }

    @Test
    void beanValidationFailuresListEveryField() {
        Reply reply = api.post(ENTRIES, JSON, "{\"objectId\": \"has spaces and / slashes\"}",
                "Authorization", operator);

        assertProblem(reply, 400, "urn:reportremove:problem:invalid-fields");
        JsonObject problem = reply.json();
        assertEquals("2 fields are not valid.", problem.getString("detail"));
        assertEquals("action", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("is required", problem.getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals("objectId", problem.getJsonArray("errors").getJsonObject(1).getString("field"));
        assertFalse(reply.body().contains("slashes"));
    }

    @Test
    void emptyBodyIsAProblem() {
        Reply reply = api.post(ENTRIES, JSON, "", "Authorization", operator);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("application/problem+json", mediaType(reply));
    }

    @Test
    void unknownPathsInsideAndOutsideTheApiAreNotFound() {
        assertProblem(api.get("/api/v1/no-such-thing"), 404, "urn:reportremove:problem:not-found");
        assertProblem(api.get("/no-such-page.html"), 404, "urn:reportremove:problem:not-found");
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhatIs() {
        Reply reply = api.method("DELETE", ENTRIES, "Authorization", operator);

        assertProblem(reply, 405, "urn:reportremove:problem:method-not-allowed");
        assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
    }

    @Test
    void missingOrWrongContentTypeIsUnsupported() {
        assertProblem(api.post(ENTRIES, null, "{\"action\": \"KEY_ROTATED\", \"objectId\": \"key-1\"}",
                "Authorization", operator), 415, "urn:reportremove:problem:unsupported-media-type");
        assertProblem(api.post(ENTRIES, "text/plain", "action=KEY_ROTATED",
                "Authorization", operator), 415, "urn:reportremove:problem:unsupported-media-type");
    }

    @Test
    void imageryIsRefusedAtTheDoorWhateverTheAddress() {
        for (String type : new String[]{"image/jpeg", "video/mp4", "multipart/form-data; boundary=x",
                "application/octet-stream"}) {
            byte[] body = "\u00ff\u00d8\u00ff\u00e0 pretend image bytes".getBytes(StandardCharsets.ISO_8859_1);
            Reply reply = api.postStreamed(ENTRIES, type, body, "Authorization", operator);
            assertProblem(reply, 415, "urn:reportremove:problem:hashes-only");
            assertEquals("Never send images or videos. Send the hashes that the app makes on your device instead.",
                    reply.json().getString("detail"));
        }
        assertProblem(api.postStreamed("/api/v1/anything", "image/png", new byte[64], "Authorization", operator),
                415, "urn:reportremove:problem:hashes-only");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherDeclaredOrStreamed() {
        char[] filler = new char[70 * 1024];
        Arrays.fill(filler, 'a');
        String large = "{\"action\": \"KEY_ROTATED\", \"objectId\": \"" + new String(filler) + "\"}";

        assertProblem(api.post(ENTRIES, JSON, large, "Authorization", operator),
                413, "urn:reportremove:problem:body-too-large");
        assertProblem(api.postStreamed(ENTRIES, JSON, large.getBytes(StandardCharsets.UTF_8),
                "Authorization", operator), 413, "urn:reportremove:problem:body-too-large");
    }

    @Test
    void missingInvalidExpiredAndForeignTokensAreUnauthenticated() {
        String body = "{\"action\": \"KEY_ROTATED\", \"objectId\": \"key-1\"}";
        Reply none = api.post(ENTRIES, JSON, body);
        assertProblem(none, 401, "urn:reportremove:problem:unauthenticated");
        assertEquals("Bearer", none.header("WWW-Authenticate"));

        assertProblem(api.post(ENTRIES, JSON, body, "Authorization", "Bearer not.a.token"),
                401, "urn:reportremove:problem:unauthenticated");
        assertProblem(api.post(ENTRIES, JSON, body, "Authorization", "Bearer " + Tokens.expired("operator")),
                401, "urn:reportremove:problem:unauthenticated");
        assertProblem(api.post(ENTRIES, JSON, body, "Authorization", "Bearer " + Tokens.signedByStranger("operator")),
                401, "urn:reportremove:problem:unauthenticated");
    }

    @Test
    void anotherAudiencesTokenIsForbidden() {
        Reply reply = api.post(ENTRIES, JSON, "{\"action\": \"KEY_ROTATED\", \"objectId\": \"key-1\"}",
                "Authorization", "Bearer " + Tokens.counsellor(api, "counsellor-1"));

        assertProblem(reply, 403, "urn:reportremove:problem:forbidden");
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndARequestId() {
        for (Reply reply : new Reply[]{api.get("/health/ready"), api.get("/api/v1/nothing"),
                api.post(ENTRIES, JSON, "{}")}) {
            assertAll(
                    () -> assertEquals("no-store", reply.header("Cache-Control")),
                    () -> assertEquals("nosniff", reply.header("X-Content-Type-Options")),
                    () -> assertEquals("no-referrer", reply.header("Referrer-Policy")),
                    () -> assertEquals("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                            reply.header("Content-Security-Policy")),
                    () -> assertNotNull(reply.header("X-Request-Id")),
                    // Served over plain HTTP here: HSTS only makes sense over TLS.
                    () -> assertNull(reply.header("Strict-Transport-Security")));
        }
        Reply echoed = api.get("/api/v1/nothing", "X-Request-Id", "client-chosen-id-1234");
        assertEquals("client-chosen-id-1234", echoed.header("X-Request-Id"));
    }

    @Test
    void corsIsClosedUnlessConfigured() {
        Reply simple = api.get("/health/live", "Origin", "https://evil.example");
        assertNull(simple.header("Access-Control-Allow-Origin"));

        Reply preflight = api.method("OPTIONS", ENTRIES, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertProblem(preflight, 403, "urn:reportremove:problem:forbidden");
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void healthReportsLivenessAndDatabaseReadiness() {
        Reply live = api.get("/health/live");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().getString("status"));

        Reply ready = api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject database = ready.json().getJsonArray("checks").getJsonObject(0);
        assertEquals("database", database.getString("name"));
        assertEquals("UP", database.getString("status"));
        assertEquals("true", database.getJsonObject("data").getString("migrated"));
    }

    @Test
    void openApiDescribesTheEndpointsWithExamples() {
        Reply openapi = api.get("/openapi", "Accept", "application/json");

        assertEquals(200, openapi.status());
        JsonObject paths = openapi.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/v1/operator/audit/entries"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/operator/audit/verifications"), paths.keySet().toString());
        assertTrue(openapi.body().contains("token-signing-2026-11"), "the request example is published");
    }

    @Test
    void metricsAreServed() {
        Reply metrics = api.get("/metrics");

        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("base_") || metrics.body().contains("jvm_"), "JVM metrics are exported");
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json", mediaType(reply));
        JsonObject problem = reply.json();
        assertAll(
                () -> assertEquals(type, problem.getString("type")),
                () -> assertEquals(status, problem.getInt("status")),
                () -> assertFalse(problem.getString("title").isBlank()),
                () -> assertFalse(problem.getString("detail").isBlank()),
                () -> assertFalse(reply.body().contains("Exception"), "no exception names or stack traces"),
                () -> assertFalse(reply.body().contains("<html"), "no server error page"));
    }

    private static String mediaType(Reply reply) {
        String type = reply.contentType();
        return type == null ? null : type.split(";")[0].trim();
    }
}
