package org.reportremove.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookSecretTest {

    @Test
    void theKeyIsTheBase64AfterThePrefix() {
        byte[] key = new byte[32];
        key[0] = 7;
        assertArrayEquals(key, WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(key)).key());
    }

    @Test
    void aValueWithoutThePrefixIsRefusedWithoutEchoingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WebhookSecret.parse("c2VjcmV0LXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tdXNl"));
        assertEquals("a webhook secret must start with whsec_", refused.getMessage());
    }

    @Test
    void aValueThatIsNotBase64IsRefused() {
        assertEquals("a webhook secret must be whsec_ followed by base64", assertThrows(
                IllegalArgumentException.class, () -> WebhookSecret.parse("whsec_not*base64!")).getMessage());
    }

    @Test
    void aKeyShorterThan24BytesOrLongerThan64IsRefused() {
        String shortKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String longKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
        assertEquals("a webhook secret must hold 24 to 64 bytes",
                assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(shortKey)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(longKey));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(null));
    }

    @Test
    void itPrintsNothingOfItself() {
        String value = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        assertFalse(WebhookSecret.parse(value).toString().contains(value.substring(6)));
    }
}
