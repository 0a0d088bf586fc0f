package org.reportremove.platform.webhooks;

import org.junit.jupiter.api.Test;
import org.reportremove.testing.MapConfig;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSettingsTest {

    private final String secret = WebhookSignatureTest.randomSecret();
    private final String rotated = WebhookSignatureTest.randomSecret();

    private Map<String, String> helpline() {
        Map<String, String> values = new HashMap<>();
        values.put("reportremove.webhooks.partners", "helpline");
        values.put("reportremove.webhook.helpline.url", "https://helpline.example/hooks?token=abc");
        values.put("reportremove.webhook.helpline.secrets", secret + ", " + rotated);
        values.put("reportremove.webhook.helpline.events", "case.submitted,notification.due");
        return values;
    }

    @Test
    void noPartnersMeansNothingIsTaken() {
        WebhookSettings settings = WebhookSettings.read(new MapConfig(Map.of()));
        assertFalse(settings.active());
        assertEquals(Duration.ofHours(24), settings.backOff().retryFor());
        assertEquals(Duration.ofSeconds(10), settings.readTimeout());
    }

    @Test
    void aSubscriptionHasItsUrlEverySecretAndItsEvents() {
        Subscription subscription = WebhookSettings.read(new MapConfig(helpline())).subscriptions().get("helpline");
        assertEquals(URI.create("https://helpline.example/hooks?token=abc"), subscription.url());
        assertEquals("https://helpline.example/hooks", subscription.endpoint());
        assertEquals(2, subscription.secrets().size());
        assertEquals(Set.of("case.submitted", "notification.due"), subscription.events());
        assertTrue(subscription.takes("case.submitted"));
        assertFalse(subscription.takes("case.withdrawn"));
        assertEquals("Subscription[helpline]", subscription.toString());
    }

    @Test
    void secretsCanComeFromAMountedFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("secret");
        java.nio.file.Files.writeString(file, secret + "\n" + rotated + "\n");
        Map<String, String> values = helpline();
        values.remove("reportremove.webhook.helpline.secrets");
        values.put("reportremove.webhook.helpline.secrets-file", file.toString());
        assertEquals(2, WebhookSettings.read(new MapConfig(values)).subscriptions().get("helpline").secrets().size());
    }

    @Test
    void productionTakesHttpsOnly() {
        Map<String, String> values = helpline();
        values.put("reportremove.webhook.helpline.url", "http://helpline.example/hooks");
        assertTrue(WebhookSettings.read(new MapConfig(values)).active(), "development takes plain http");
        values.put("reportremove.mode", "production");
        assertEquals("reportremove.webhook.helpline.url must be https in production", refusal(values));
    }

    @Test
    void mistakesNameTheSettingAndNeverItsValue() {
        Map<String, String> values = helpline();
        values.put("reportremove.webhook.helpline.secrets", "whsec_!!" + secret.substring(8));
        String refused = refusal(values);
        assertEquals("reportremove.webhook.helpline.secrets: a webhook secret must be whsec_ followed by base64",
                refused);
        assertFalse(refused.contains(secret.substring(8)));

        values = helpline();
        values.remove("reportremove.webhook.helpline.secrets");
        assertEquals("reportremove.webhook.helpline.secrets or reportremove.webhook.helpline.secrets-file is required"
                + " (one or more whsec_ values)", refusal(values));

        values.put("reportremove.webhook.helpline.secrets-file", "/nonexistent/webhook-secret");
        assertEquals("reportremove.webhook.helpline.secrets-file could not be read: NoSuchFileException",
                refusal(values));

        values = helpline();
        values.remove("reportremove.webhook.helpline.url");
        assertEquals("reportremove.webhook.helpline.url is required", refusal(values));

        values = helpline();
        values.put("reportremove.webhook.helpline.url", "ftp://helpline.example/hooks");
        assertEquals("reportremove.webhook.helpline.url must be an absolute https URL", refusal(values));

        values = helpline();
        values.put("reportremove.webhook.helpline.url", "https://user:pass@helpline.example/hooks");
        assertEquals("reportremove.webhook.helpline.url must not hold credentials: events are signed",
                refusal(values));

        values = helpline();
        values.put("reportremove.webhook.helpline.events", "case.submitted,case.deleted");
        assertTrue(refusal(values).startsWith("reportremove.webhook.helpline.events must list one or more of ["));

        values = helpline();
        values.put("reportremove.webhooks.retry.for-seconds", "0");
        assertEquals("reportremove.webhooks.retry.for-seconds must be greater than 0", refusal(values));

        values = helpline();
        values.put("reportremove.webhooks.read-timeout-millis", "soon");
        assertEquals("reportremove.webhooks.read-timeout-millis must be a whole number", refusal(values));

        values = helpline();
        values.put("reportremove.webhooks.partners", "help line");
        assertTrue(refusal(values).startsWith("reportremove.webhooks.partners must list client ids"));
    }

    private static String refusal(Map<String, String> values) {
        return assertThrows(IllegalStateException.class, () -> WebhookSettings.read(new MapConfig(values)))
                .getMessage();
    }
}
