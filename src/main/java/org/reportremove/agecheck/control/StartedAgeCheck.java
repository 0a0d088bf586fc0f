package org.reportremove.agecheck.control;

import java.time.Instant;

/**
 * A new age check: the nonce is handed out here, once, and kept by the service only as a digest.
 */
public record StartedAgeCheck(String id, String nonce, Instant expiresAt) {
}
