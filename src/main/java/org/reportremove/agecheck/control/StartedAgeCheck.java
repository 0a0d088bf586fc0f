package org.reportremove.agecheck.control;

import java.time.Instant;

/**
 * A new age check: the nonce is handed out here, once, and kept by the service only as a digest.
 */
public record StartedAgeCheck(String id, String nonce, Instant expiresAt) {

    /** Records print their fields by default; this one carries a nonce or an attestation, so it does not. */
    @Override
    public String toString() {
        return "StartedAgeCheck[…]";
    }
}
