package org.reportremove.agecheck.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * What an account keeps of its age check: never the attestation, a document or a birth date.
 *
 * @param provider the provider's configured name, or {@code self-declared}
 */
public record AgeAssuranceOutcome(AgeAssurance assurance, AgeBand band, AgeCheckMethod method, String provider,
                                  Instant assuredAt) {

    public AgeAssuranceOutcome {
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(assuredAt, "assuredAt");
    }

    public static AgeAssuranceOutcome selfDeclared(AgeBand band, Instant at) {
        return new AgeAssuranceOutcome(AgeAssurance.SELF_DECLARED, band, AgeCheckMethod.SELF_DECLARATION,
                "self-declared", at);
    }

    /** Self-declared ages, and all under-13s, are flagged for the helpline and the analysts. */
    public boolean needsPriority() {
        return assurance == AgeAssurance.SELF_DECLARED || band == AgeBand.UNDER_13;
    }
}
