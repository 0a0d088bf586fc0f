package org.reportremove.agecheck.boundary;

/**
 * An age check whose attestation was accepted: its id is what the account is created with.
 *
 * @param status  always {@code VERIFIED}
 * @param ageBand {@code UNDER_13}, {@code 13_15} or {@code 16_17}
 */
public record AttestationAnswer(String id, String status, String ageBand) {
}
