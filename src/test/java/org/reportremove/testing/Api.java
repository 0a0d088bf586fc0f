package org.reportremove.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * An HTTP client for the deployed service. It remembers what each request body carried, so that a test can
 * then prove none of it reached the server's log ({@link #assertLogHoldsNothingSent()}).
 */
public final class Api {

    private static final int MIN_SCANNED_LENGTH = 6;

    private final URI base;
    // HTTP/1.1, as apps speak to the service through TLS-terminating proxies; the JDK client's default attempts
    // a cleartext HTTP/2 upgrade, which only muddles what these tests are about.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> sent = new ArrayList<>();

    public Api(URL base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply post(String path, String contentType, String body, String... headers) {
        remember(body);
        HttpRequest.Builder request = request(path, headers)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A POST of a JSON document as {@code application/json}. */
    public Reply postJson(String path, JsonValue body, String... headers) {
        return post(path, "application/json", body.toString(), headers);
    }

    /** A form-encoded POST, as the token endpoint takes: names and values alternate. */
    public Reply postForm(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(java.net.URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            // Grant types are vocabulary, not content.
            boolean vocabulary = namesAndValues[i].endsWith("_type");
            if (!vocabulary && namesAndValues[i + 1].length() >= MIN_SCANNED_LENGTH) {
                sent.add(namesAndValues[i + 1]);
            }
        }
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Sends the body without a declared length (chunked), as a client streaming a file would. */
    public Reply postStreamed(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, headers)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", contentType);
        return send(request);
    }

    public Reply method(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method with a JSON body (for example DELETE with a confirmation). */
    public Reply sendJson(String method, String path, String json, String... headers) {
        remember(json);
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    /** Any method with a JSON document as its body. */
    public Reply sendJson(String method, String path, JsonValue json, String... headers) {
        return sendJson(method, path, json.toString(), headers);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** Waits until the server has logged everything up to now, then fails if any sent value is in the log. */
    public void assertLogHoldsNothingSent() {
        String log = logUpToNow();
        for (String value : sent) {
            if (log.contains(value)) {
                fail("a value sent in a request body appears in the server log (" + value.length() + " characters)");
            }
        }
    }

    /**
     * What the server logged from {@code offset} (the length of {@code TestRun.logs().text()} taken before) up to
     * now: a marker request shows when the server has caught up.
     */
    public String logSince(int offset) {
        return logUpToNow().substring(offset);
    }

    private String logUpToNow() {
        String marker = "marker-" + UUID.randomUUID();
        get("/api/v1/log-marker", "X-Request-Id", marker);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String log = TestRun.logs().text();
        while (!log.contains(marker)) {
            if (System.nanoTime() > deadline) {
                fail("the server's request log never showed the marker request");
            }
            sleep();
            log = TestRun.logs().text();
        }
        return log;
    }

    /** The helpline partners configured for the test servers. */
    private static final java.util.Set<String> PARTNER_CLIENTS = java.util.Set.of("test-helpline", "test-helpline-2");

    private void remember(String body) {
        if (body.length() >= MIN_SCANNED_LENGTH * 2) {
            sent.add(body);
        }
        try {
            collect(Json.createReader(new StringReader(body)).readValue());
        } catch (JsonException e) {
            for (String word : body.split("[\\s\"{}\\[\\],:]+")) {
                if (word.length() >= MIN_SCANNED_LENGTH * 2) {
                    sent.add(word);
                }
            }
        }
    }

    private void collect(JsonValue value) {
        if (value instanceof JsonString text && text.getString().length() >= MIN_SCANNED_LENGTH
                && !text.getString().matches("[A-Z_]+") && !PARTNER_CLIENTS.contains(text.getString())) {
            // Enum names are vocabulary, which logs may name; so are the partner client ids a young person names in
            // consent (configuration, on the server's command line); everything else a client types is content.
            sent.add(text.getString());
        } else if (value instanceof JsonObject object) {
            object.values().forEach(this::collect);
        } else if (value instanceof JsonArray array) {
            array.forEach(this::collect);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
