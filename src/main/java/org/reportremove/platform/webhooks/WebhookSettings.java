package org.reportremove.platform.webhooks;

import org.eclipse.microprofile.config.Config;
import org.reportremove.platform.configuration.ServiceMode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The webhook settings, read and checked once at start-up: {@code reportremove.webhooks.partners} lists the
 * subscribed partners (their client ids), each with {@code reportremove.webhook.<partner>.url}, {@code .secrets}
 * ({@code whsec_} values, comma separated, from a secret; or {@code .secrets-file}, a mounted one) and
 * {@code .events}. A mistake stops the start with a
 * message naming the setting, never its value. Production takes https endpoints only.
 */
public record WebhookSettings(Map<String, Subscription> subscriptions, String source, BackOff backOff,
                              Duration connectTimeout, Duration readTimeout, int breakerFailures,
                              Duration breakerOpenFor, Duration pollInterval, int batchSize) {

    private static final Pattern PARTNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public WebhookSettings {
        subscriptions = Map.copyOf(subscriptions);
    }

    public boolean active() {
        return !subscriptions.isEmpty();
    }

    /** @throws IllegalStateException naming the first setting that is wrong */
    public static WebhookSettings read(Config config) {
        ServiceMode mode = ServiceMode.parse(config.getOptionalValue("reportremove.mode", String.class)
                .orElse("development"));
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        for (String partner : config.getOptionalValues("reportremove.webhooks.partners", String.class)
                .orElse(List.of())) {
            if (!PARTNER.matcher(partner).matches()) {
                throw new IllegalStateException("reportremove.webhooks.partners must list client ids"
                        + " (letters, digits, '.', '_', '-')");
            }
            subscriptions.put(partner, subscription(config, partner, mode));
        }
        return new WebhookSettings(subscriptions,
                config.getOptionalValue("reportremove.webhooks.source", String.class).orElse("urn:reportremove:service"),
                new BackOff(millis(config, "reportremove.webhooks.retry.first-millis", 5_000),
                        millis(config, "reportremove.webhooks.retry.longest-millis", 3_600_000),
                        Duration.ofSeconds(positive(config, "reportremove.webhooks.retry.for-seconds", 86_400))),
                millis(config, "reportremove.webhooks.connect-timeout-millis", 2_000),
                millis(config, "reportremove.webhooks.read-timeout-millis", 10_000),
                (int) positive(config, "reportremove.webhooks.breaker.failures", 5),
                millis(config, "reportremove.webhooks.breaker.open-millis", 30_000),
                millis(config, "reportremove.webhooks.poll-millis", 500),
                (int) positive(config, "reportremove.webhooks.batch-size", 50));
    }

    private static Subscription subscription(Config config, String partner, ServiceMode mode) {
        String prefix = "reportremove.webhook." + partner + ".";
        URI url = url(config.getOptionalValue(prefix + "url", String.class)
                .orElseThrow(() -> new IllegalStateException(prefix + "url is required")), prefix, mode);
        List<WebhookSecret> secrets = new ArrayList<>();
        for (String value : secretValues(config, prefix)) {
            try {
                secrets.add(WebhookSecret.parse(value.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "secrets: " + e.getMessage());
            }
        }
        if (secrets.isEmpty()) {
            throw new IllegalStateException(prefix + "secrets or " + prefix
                    + "secrets-file is required (one or more whsec_ values)");
        }
        Set<String> events = new TreeSet<>(config.getOptionalValues(prefix + "events", String.class).orElse(List.of()));
        if (events.isEmpty() || !EventTypes.ALL.containsAll(events)) {
            throw new IllegalStateException(prefix + "events must list one or more of " + new TreeSet<>(EventTypes.ALL));
        }
        return new Subscription(partner, url, secrets, events);
    }

    /** Inline (from the environment), or a mounted file of values separated by commas or white space. */
    private static List<String> secretValues(Config config, String prefix) {
        Optional<String> file = config.getOptionalValue(prefix + "secrets-file", String.class);
        if (file.isEmpty()) {
            return config.getOptionalValues(prefix + "secrets", String.class).orElse(List.of());
        }
        try {
            return Arrays.stream(Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII).split("[,\\s]+"))
                    .filter(value -> !value.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(prefix + "secrets-file could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static URI url(String value, String prefix, ServiceMode mode) {
        URI url;
        try {
            url = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(prefix + "url is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalStateException(prefix + "url must be an absolute https URL");
        }
        if (mode == ServiceMode.PRODUCTION && !scheme.equals("https")) {
            throw new IllegalStateException(prefix + "url must be https in production");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalStateException(prefix + "url must not hold credentials: events are signed");
        }
        return url;
    }

    private static Duration millis(Config config, String name, long otherwise) {
        return Duration.ofMillis(positive(config, name, otherwise));
    }

    private static long positive(Config config, String name, long otherwise) {
        long value;
        try {
            value = config.getOptionalValue(name, Long.class).orElse(otherwise);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be a whole number");
        }
        if (value <= 0) {
            throw new IllegalStateException(name + " must be greater than 0");
        }
        return value;
    }
}
