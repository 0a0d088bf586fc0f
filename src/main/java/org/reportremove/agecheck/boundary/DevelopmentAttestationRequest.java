package org.reportremove.agecheck.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What the development provider should attest.
 *
 * @param nonce       the nonce of the age check, from its start
 * @param age         the age to attest, in years
 * @param method      {@code document} (the default), {@code digital_id} or {@code estimation}
 * @param withAgeBand whether to say the age band (the default); {@code false} tries the path where the young
 *                    person chooses it
 */
public record DevelopmentAttestationRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,200}", message = "must be the age check's nonce")
        String nonce,
        // The range (0 to 130) is checked by the resource: Payara's OpenAPI generator fails on @Min and @Max here.
        @NotNull(message = "is required")
        Integer age,
        @Pattern(regexp = "document|digital_id|estimation", message = "must be one of document, digital_id, estimation")
        String method,
        Boolean withAgeBand) {

    /** Records print their fields by default; this one carries a nonce or an attestation, so it does not. */
    @Override
    public String toString() {
        return "DevelopmentAttestationRequest[…]";
    }
}
