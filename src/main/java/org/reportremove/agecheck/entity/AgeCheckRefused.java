package org.reportremove.agecheck.entity;

/** An attestation for an age check was refused; the age check itself is unchanged. */
public record AgeCheckRefused(String ageCheckId) {
}
