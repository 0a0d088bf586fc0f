package org.reportremove.agecheck.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        String nonce,
        @NotNull(message = "is required")
        @Min(value = 0, message = "must be 0 or more")
        @Max(value = 130, message = "must be 130 or less")
        Integer age,
        @Pattern(regexp = "document|digital_id|estimation", message = "must be one of document, digital_id, estimation")
        String method,
        Boolean withAgeBand) {
}
