package org.reportremove.agecheck.boundary;

/**
 * An attestation from the development provider, to send to the age check as a real provider's would be.
 */
public record DevelopmentAttestation(String attestation) {

    /** Records print their fields by default; this one carries a nonce or an attestation, so it does not. */
    @Override
    public String toString() {
        return "DevelopmentAttestation[…]";
    }
}
