package org.reportremove.agecheck.boundary;

import java.time.Instant;

/**
 * A new age check. The nonce goes to the provider, which puts it in its attestation; it is shown only here.
 */
public record StartAnswer(String id, String nonce, Instant expiresAt, ProviderAccess provider) {

    /** Records print their fields by default; this one carries a nonce or an attestation, so it does not. */
    @Override
    public String toString() {
        return "StartAnswer[…]";
    }
}
