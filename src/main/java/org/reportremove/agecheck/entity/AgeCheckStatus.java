package org.reportremove.agecheck.entity;

/**
 * Where an age check is in its life: waiting for the provider's attestation, verified, or used by an account.
 */
public enum AgeCheckStatus {
    PENDING,
    VERIFIED,
    CLAIMED
}
