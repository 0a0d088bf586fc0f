package org.reportremove.platform.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one signed webhook: POST of the CloudEvent with the Standard Webhooks headers, within a connect timeout
 * and a timeout for the answer. Answers the status, or 0 when no answer came (refused, timed out, reset); the
 * answer's body is read and thrown away.
 */
final class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final HttpClient client;
    private final Duration readTimeout;

    WebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
    }

    CompletableFuture<Integer> send(URI url, List<WebhookSecret> secrets, String id, long timestamp, String body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(secrets, id, timestamp, body))
                .header("User-Agent", "report-remove-webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(failure -> 0);
    }
}
