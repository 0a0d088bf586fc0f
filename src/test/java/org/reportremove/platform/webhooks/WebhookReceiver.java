package org.reportremove.platform.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.reportremove.testing.JsonBodies;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's webhook endpoint for the tests: the JDK's HTTP server on the port the server under test was given,
 * answering every request with {@link #status} after {@link #delayMillis}, and keeping each request it got (also
 * those it turned away) with its headers in lower case. The test stops and starts it as a partner's outage would.
 */
final class WebhookReceiver {

    /** One request as it arrived. */
    record Received(Map<String, List<String>> headers, String body, int answered) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        String webhookId() {
            return header("webhook-id");
        }

        JsonObject event() {
            return JsonBodies.parse(body);
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile long delayMillis;
    private HttpServer server;
    private ExecutorService threads;

    WebhookReceiver(String name) {
        this.port = Integer.parseInt(System.getProperty("reportremove.test.webhook." + name + "-port"));
    }

    synchronized void start() throws IOException {
        threads = Executors.newFixedThreadPool(16);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    int port() {
        return port;
    }

    /** Every request that carried the due notification for {@code notificationId}, in arrival order. */
    List<Received> notificationsFor(String notificationId) {
        return received.stream().filter(request -> request.body().contains(notificationId))
                .filter(request -> notificationId.equals(request.event().getJsonObject("data")
                        .getString("notificationId", null)))
                .toList();
    }

    List<Received> containing(String text) {
        return received.stream().filter(request -> request.body().contains(text)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    List.copyOf(values)));
            int answer = status;
            long delay = delayMillis;
            received.add(new Received(Map.copyOf(headers), body, answer));
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.sendResponseHeaders(answer, -1);
        }
    }
}
