package org.reportremove.platform.keys;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook subscription's signing secret in the Standard Webhooks form the partner's verifying library takes:
 * {@code whsec_} and the base64 of 32 random bytes (the form allows 24 to 64).
 */
final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static String create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }
}
