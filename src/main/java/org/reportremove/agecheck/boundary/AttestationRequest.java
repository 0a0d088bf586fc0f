package org.reportremove.agecheck.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The provider's answer for an age check.
 *
 * @param attestation the compact JWS the provider returned, exactly as received
 * @param ageBand     the age band the young person chose, used only when the attestation gives none
 */
public record AttestationRequest(
        @NotBlank(message = "is required")
        @Size(max = 16384, message = "must be at most 16384 characters")
        String attestation,
        @Pattern(regexp = "UNDER_13|13_15|16_17", message = "must be one of UNDER_13, 13_15, 16_17")
        String ageBand) {
}
