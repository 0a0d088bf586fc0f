package org.reportremove.platform.webhooks;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification's reference implementations. */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsExampleAsItsReferenceDoes() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.header(List.of(WebhookSecret.parse(SPEC_SECRET)), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
    }

    @Test
    void signsWithEverySecretDuringARotationSpaceSeparated() {
        String newer = randomSecret();
        String header = WebhookSignature.header(List.of(WebhookSecret.parse(SPEC_SECRET), WebhookSecret.parse(newer)),
                SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signatures[0]);
        assertEquals(WebhookSignature.header(List.of(WebhookSecret.parse(newer)), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY),
                signatures[1]);
    }

    @Test
    void theStandardWebhooksLibraryVerifiesWhatWeSignWithEitherSecret() throws Exception {
        String older = randomSecret();
        String newer = randomSecret();
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"specversion\":\"1.0\",\"type\":\"notification.due\",\"data\":{\"notificationId\":\"n-1\"}}";
        String header = WebhookSignature.header(List.of(WebhookSecret.parse(older), WebhookSecret.parse(newer)),
                "msg_1", now, body);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));

        assertDoesNotThrow(() -> new Webhook(older).verify(body, headers));
        assertDoesNotThrow(() -> new Webhook(newer).verify(body, headers));
        assertThrows(Exception.class, () -> new Webhook(randomSecret()).verify(body, headers));
        assertThrows(Exception.class, () -> new Webhook(older).verify(body.replace("n-1", "n-2"), headers));
    }

    @Test
    void aSignatureNeedsASecret() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.header(List.of(), "msg_1", 1, "{}"));
    }

    static String randomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
