/**
 * Age checks from start to use: one-time nonces, verification of the provider's signed attestation against its
 * published keys, and the single hand-over of the outcome to a new account.
 */
package org.reportremove.agecheck.control;
