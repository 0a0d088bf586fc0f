package org.reportremove.agecheck.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's attestation said about a person who is under 18: how it checked, and the age band if it
 * said one. Read from the attestation and kept only as far as the age check's outcome.
 */
public record AttestedAge(AgeCheckMethod method, Optional<AgeBand> band) {

    public AttestedAge {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(band, "band");
        if (method == AgeCheckMethod.SELF_DECLARATION) {
            throw new IllegalArgumentException("a provider's attestation is never a self-declaration");
        }
    }
}
