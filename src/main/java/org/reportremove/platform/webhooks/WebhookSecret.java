package org.reportremove.platform.webhooks;

import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form {@code whsec_<base64>}: the bytes after the prefix are the HMAC
 * key. Prints nothing of itself.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    /** The specification asks for 24 to 64 random bytes; fewer is a secret someone could guess. */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads one secret.
     *
     * @throws IllegalArgumentException saying what is wrong, never echoing the value
     */
    public static WebhookSecret parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret must be " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret must hold " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes");
        }
        return new WebhookSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
