package org.reportremove.agecheck.control;

import org.reportremove.agecheck.entity.AgeBand;

/**
 * An age check whose attestation was accepted, with the age band it settled on.
 */
public record VerifiedAgeCheck(String id, AgeBand band) {
}
