package org.reportremove.agecheck.boundary;

/**
 * An attestation from the development provider, to send to the age check as a real provider's would be.
 */
public record DevelopmentAttestation(String attestation) {
}
