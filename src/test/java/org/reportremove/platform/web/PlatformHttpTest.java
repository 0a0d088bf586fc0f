package org.reportremove.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.ProblemAssert;
import org.reportremove.testing.Reply;
import org.reportremove.testing.Tokens;
import org.reportremove.testing.Metrics;
import org.reportremove.testing.YoungPeople;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.ProblemAssert.assertInvalidFields;
import static org.reportremove.testing.ProblemAssert.assertProblem;
import static org.reportremove.testing.ProblemAssert.bodyTooLarge;
import static org.reportremove.testing.ProblemAssert.streamedBodyTooLarge;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.hashesOnly;
import static org.reportremove.testing.ProblemAssert.invalidFields;
import static org.reportremove.testing.ProblemAssert.invalidFieldsNamed;
import static org.reportremove.testing.ProblemAssert.malformedJson;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.unauthenticated;
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
    private static final String NOT_JSON =
            "The request body is not well-formed JSON, or not the JSON object this endpoint expects.";

    private String operator;

    @BeforeEach
    void connect() {
        operator = "Bearer " + Tokens.operator(api);
    }

    @Test
    void malformedJsonIsAProblemNamingNoContent() {
        String whole = object("action", "KEY_ROTATED", "objectId", "secret-zebra-7").toString();
        Reply reply = api.post(ENTRIES, JSON, whole.substring(0, whole.length() - 1), "Authorization", operator);

        malformedJson().detail(NOT_JSON).notEchoing("secret-zebra-7").assertOn(reply);
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        Reply reply = api.postJson(ENTRIES, object("action", "KEY_ROTATED", "objectId", object("nested", 42)),
                "Authorization", operator);

        assertInvalidFields(reply, "objectId", "has the wrong type or format");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        Reply reply = api.postJson(ENTRIES, object("action", "LAUNCH_ROCKETS", "objectId", "key-1"),
                "Authorization", operator);

        JsonObject problem = invalidFieldsNamed("action").notEchoing("LAUNCH_ROCKETS")
                .assertOn(reply);
        String message = problem.getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(message.startsWith("must be one of KEY_ROTATED, BACKUP_RESTORED"), message);
    }

    @Test
    void beanValidationFailuresListEveryField() {
        Reply reply = api.postJson(ENTRIES, object("objectId", "has spaces and / slashes"), "Authorization", operator);

        invalidFields("action", "is required",
                "objectId", "must be an id of 1 to 100 letters, digits, '.', '_', ':', '@' or '-'")
                .notEchoing("slashes").assertOn(reply);
    }

    @Test
    void emptyBodyIsAProblem() {
        Reply reply = api.post(ENTRIES, JSON, "", "Authorization", operator);

        malformedJson().detail("The request body is not well-formed JSON, or not the JSON object this endpoint expects.")
                .assertOn(reply);
    }

    @Test
    void unknownPathsInsideAndOutsideTheApiAreNotFound() {
        notFound().detail("There is nothing at this address.").assertOn(api.get("/api/v1/no-such-thing"));
        notFound().detail("There is nothing at this address.").assertOn(api.get("/no-such-page.html"));
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhatIs() {
        Reply reply = api.method("DELETE", ENTRIES, "Authorization", operator);

        assertProblem(reply, 405, "method-not-allowed", "This method is not allowed here",
                "This address does not accept this method; the Allow header lists the ones it does.");
        assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
    }

    @Test
    void missingOrWrongContentTypeIsUnsupported() {
        // No Content-Type at all is refused at the edge, before any endpoint; a wrong exact one by the endpoint.
        problem(415, "unsupported-media-type", "The request body must be JSON")
                .detail("Say what the body is with one exact Content-Type, without wildcards and with a known charset:"
                        + " application/json for JSON bodies, or the type the endpoint documents.")
                .assertOn(api.post(ENTRIES, null, object("action", "KEY_ROTATED", "objectId", "key-1").toString(),
                        "Authorization", operator));
        problem(415, "unsupported-media-type", "The request body must be JSON")
                .detail("Send the body as application/json.")
                .assertOn(api.post(ENTRIES, "text/plain", "action=KEY_ROTATED", "Authorization", operator));
    }

    @Test
    void imageryIsRefusedAtTheDoorWhateverTheAddress() {
        for (String type : new String[]{"image/jpeg", "video/mp4", "multipart/form-data; boundary=x",
                "application/octet-stream"}) {
            byte[] body = "\u00ff\u00d8\u00ff\u00e0 pretend image bytes".getBytes(StandardCharsets.ISO_8859_1);
            hashesOnly().assertOn(api.postStreamed(ENTRIES, type, body, "Authorization", operator));
        }
        hashesOnly().assertOn(api.postStreamed("/api/v1/anything", "image/png", new byte[64],
                "Authorization", operator));
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherDeclaredOrStreamed() {
        char[] filler = new char[70 * 1024];
        Arrays.fill(filler, 'a');
        String large = object("action", "KEY_ROTATED", "objectId", new String(filler)).toString();

        bodyTooLarge(64 * 1024).assertOn(api.post(ENTRIES, JSON, large, "Authorization", operator));
        streamedBodyTooLarge().assertOn(api.postStreamed(ENTRIES, JSON, large.getBytes(StandardCharsets.UTF_8),
                "Authorization", operator));
    }

    @Test
    void missingInvalidExpiredAndForeignTokensAreUnauthenticated() {
        JsonObject body = object("action", "KEY_ROTATED", "objectId", "key-1");
        Reply none = api.postJson(ENTRIES, body);
        unauthenticated().assertOn(none);
        assertEquals("Bearer", none.header("WWW-Authenticate"));

        // Refused by the container's authentication before any filter runs: the error page still gives the answer
        // its request id.
        unauthenticated().assertOn(api.postJson(ENTRIES, body, "Authorization", "Bearer not.a.token"));
        unauthenticated().assertOn(api.postJson(ENTRIES, body, "Authorization", "Bearer " + Tokens.expired("operator")));
        unauthenticated().assertOn(api.postJson(ENTRIES, body,
                "Authorization", "Bearer " + Tokens.signedByStranger("operator")));
    }

    @Test
    void anotherAudiencesTokenIsForbidden() {
        Reply reply = api.postJson(ENTRIES, object("action", "KEY_ROTATED", "objectId", "key-1"),
                "Authorization", "Bearer " + Tokens.counsellor(api, "counsellor-1"));

        forbidden().assertOn(reply);
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndARequestId() {
        for (Reply reply : new Reply[]{api.get("/health/ready"), api.get("/api/v1/nothing"),
                api.postJson(ENTRIES, object())}) {
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
        for (String file : new String[]{"/", "/app/main.js", "/hashing/hashing.js"}) {
            Reply reply = api.get(file);
            assertAll(
                    () -> assertEquals(200, reply.status(), file),
                    () -> assertEquals("no-store", reply.header("Cache-Control")),
                    // The web client's own policy: nothing from elsewhere, no inline script.
                    () -> assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:;"
                            + " connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                            + " form-action 'none'", reply.header("Content-Security-Policy"), file));
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
        forbidden().detail("This origin may not call the API from a browser.").assertOn(preflight);
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void healthReportsLivenessAndDatabaseReadiness() {
        Reply live = api.get("/health/live");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().getString("status"));

        Reply ready = api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject database = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
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
    void theOpenApiDocumentIsValidOpenApi3AndEveryOperationStatesItsIdSummarySecurityAndProblems() {
        Reply reply = api.get("/openapi", "Accept", "application/json");
        assertEquals(200, reply.status());

        // An OpenAPI 3 parser that is not the one that wrote the document: every message it has is a fault.
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, new ParseOptions());
        assertEquals(List.of(), parsed.getMessages(), "what an independent OpenAPI 3 validator says");
        OpenAPI document = parsed.getOpenAPI();
        List<String> faults = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> publicOperations = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getOperationId() == null || !operationIds.add(operation.getOperationId())) {
                faults.add(name + ": no operationId of its own");
            }
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                faults.add(name + ": no summary");
            }
            List<SecurityRequirement> security = operation.getSecurity();
            if (security == null || security.isEmpty()) {
                faults.add(name + ": no security requirement, not even an empty one");
            } else if (security.stream().allMatch(Map::isEmpty)) {
                publicOperations.add(name);
            } else if (!security.stream().allMatch(requirement -> requirement.containsKey("bearer"))) {
                faults.add(name + ": a security requirement other than the bearer token");
            }
            faults.addAll(problemFaults(name, operation));
        }));

        assertEquals(List.of(), faults);
        assertEquals(new TreeSet<>(Set.of("POST /api/v1/accounts", "POST /api/v1/accounts/recovery",
                        "POST /api/v1/accounts/assisted-recovery", "POST /api/v1/age-checks", "POST /api/v1/age-checks/{id}/attestation", "POST /api/v1/auth/token",
                        "POST /api/v1/dev/age-provider/attestations", "GET /api/v1/dev/age-provider/jwks.json")),
                publicOperations, "only these need no token, and they say so");
        assertEquals(Set.of("type", "title", "status"),
                Set.copyOf(document.getComponents().getSchemas().get("Problem").getRequired()));
    }

    /** An operation's 4xx responses: at least one, and each an RFC 9457 problem document. */
    private static List<String> problemFaults(String name, Operation operation) {
        List<String> faults = new ArrayList<>();
        Map<String, ApiResponse> clientErrors = new java.util.TreeMap<>();
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("4")) {
                clientErrors.put(code, response);
            }
        });
        if (clientErrors.isEmpty()) {
            faults.add(name + ": no 4xx response");
        }
        clientErrors.forEach((code, response) -> {
            if (response.getContent() == null || !response.getContent().containsKey("application/problem+json")) {
                faults.add(name + " " + code + ": not an application/problem+json document");
            }
        });
        return faults;
    }

    @Test
    void metricsAreServed() {
        Reply metrics = api.get("/metrics");

        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("base_") || metrics.body().contains("jvm_"), "JVM metrics are exported");
    }

    @Test
    void metricsShowTheBacklogsAndCountersOperatorsAlertOn() {
        String body = api.get("/metrics").body();

        for (String name : List.of("reportremove_outbox_waiting", "reportremove_outbox_oldest_waiting_seconds",
                "reportremove_outbox_leased", "reportremove_outbox_delivered", "reportremove_outbox_lease_lapsed",
                "reportremove_audit_unsealed", "reportremove_audit_oldest_unsealed_seconds",
                "reportremove_cases_submitted", "reportremove_cases_withdrawn",
                "reportremove_analyst_result_events", "reportremove_inbox_messages_written",
                "reportremove_rate_limit_refusals")) {
            assertTrue(Metrics.parse(body).stream().anyMatch(sample -> sample.name().startsWith(name)),
                    name + " is exported");
        }
        for (String topic : List.of("ANALYSTS", "HELPLINE", "NOTIFICATIONS")) {
            assertTrue(Metrics.value(body, "reportremove_outbox_waiting", "topic", topic).isPresent(), topic);
        }
        String ours = String.join("\n", body.lines().filter(line -> line.contains("reportremove_")).toList());
        Set<String> names = Set.copyOf(Metrics.parse(body).stream().map(Metrics.Sample::name).toList());
        assertTrue(names.containsAll(List.of("reportremove_cases_submitted_total",
                "reportremove_outbox_oldest_waiting_seconds", "reportremove_audit_unsealed")), ours);
    }

    @Test
    void aCaseSubmittedAndWithdrawnMovesTheCounters() {
        String before = api.get("/metrics").body();
        YoungPeople.Person person = YoungPeople.person(api, "13_15");
        YoungPeople.ReportedCase reported = YoungPeople.report(api, database, person, 1, "en");
        Reply withdrawn = api.post("/api/v1/cases/" + reported.reference() + "/withdrawal", JSON, "",
                "Authorization", person.bearer());
        assertEquals(200, withdrawn.status(), withdrawn.body());

        String after = api.get("/metrics").body();

        assertTrue(Metrics.total(after, "reportremove_cases_submitted") >= Metrics.total(before,
                "reportremove_cases_submitted") + 1, "the submission is counted");
        assertTrue(Metrics.total(after, "reportremove_cases_withdrawn") >= Metrics.total(before,
                "reportremove_cases_withdrawn") + 1, "the withdrawal is counted");
        assertTrue(Metrics.total(after, "reportremove_inbox_messages_written") >= Metrics.total(before,
                "reportremove_inbox_messages_written") + 1, "the inbox message of the submission is counted");
    }

    @Test
    void metricLabelsComeFromFixedListsAndNeverCarryAnIdOrContent() {
        YoungPeople.Person person = YoungPeople.person(api, "16_17");
        YoungPeople.ReportedCase reported = YoungPeople.report(api, database, person, 1, "en");
        Map<String, Set<String>> allowed = Map.of(
                "topic", Set.of("ANALYSTS", "HELPLINE", "NOTIFICATIONS", "INDUSTRY"),
                "outcome", Set.of("applied", "duplicate", "rejected", "ignored"),
                "limit", Set.of("username", "address", "account", "open", "submission", "submission-address", "other"),
                "kind", Set.of("CLOSED_CASES", "WITHDRAWN_CASES", "AGE_CHECKS", "IDEMPOTENCY_KEYS",
                        "CLIENT_ASSERTIONS", "OUTBOX_MESSAGES", "KNOWN_SIGNAL_CHANGES",
                        "WEBHOOK_DELIVERIES"),
                "type", Set.of("SHA256", "MD5", "PDQ"),
                "mp_scope", Set.of("application"));

        String body = api.get("/metrics").body();

        List<Metrics.Sample> ours = Metrics.parse(body).stream()
                .filter(sample -> sample.name().startsWith("reportremove_")).toList();
        assertTrue(ours.size() > 10, body);
        for (Metrics.Sample sample : ours) {
            sample.labels().forEach((label, value) -> assertTrue(
                    allowed.getOrDefault(label, Set.of()).contains(value), sample + " has a label off the lists"));
        }
        for (String secret : List.of(reported.reference(), reported.analystReference(), person.accountId(),
                person.username(), reported.urls().get(0), reported.notes())) {
            assertFalse(body.contains(secret), "the metrics name nothing of a case or a person");
        }
    }
}
