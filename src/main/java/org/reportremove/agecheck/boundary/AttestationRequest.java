package org.reportremove.agecheck.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The provider's answer for an age check. Only {@code @NotNull} and {@code @Pattern} constraints: Payara's
 * OpenAPI generator fails on the size and range constraints of record components.
 *
 * @param attestation the compact JWS the provider returned, exactly as received
 * @param ageBand     the age band the young person chose, used only when the attestation gives none
 */
public record AttestationRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,16384}",
                message = "must be the compact JWS the provider returned: up to 16384 letters, digits, '.', '_' or '-'")
        String attestation,
        @Pattern(regexp = "UNDER_13|13_15|16_17", message = "must be one of UNDER_13, 13_15, 16_17")
        String ageBand) {

    /** Records print their fields by default; this one carries a nonce or an attestation, so it does not. */
    @Override
    public String toString() {
        return "AttestationRequest[…]";
    }
}
