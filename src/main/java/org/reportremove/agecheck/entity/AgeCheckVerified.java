package org.reportremove.agecheck.entity;

/** A provider's attestation for an age check was accepted; its outcome waits for the account. */
public record AgeCheckVerified(String ageCheckId) {
}
