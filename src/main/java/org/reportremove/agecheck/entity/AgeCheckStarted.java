package org.reportremove.agecheck.entity;

/** An age check was started: a nonce was handed out for it. */
public record AgeCheckStarted(String ageCheckId) {
}
