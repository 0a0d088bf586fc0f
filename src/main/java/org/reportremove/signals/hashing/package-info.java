/**
 * On-device hashing for Report Remove: PDQ (bit-exact with Meta's reference), MD5 and SHA-256.
 * Takes decoded pixels and byte streams only, has no dependencies and never logs, so that
 * Android and desktop apps can embed it and imagery never has to leave the device.
 */
package org.reportremove.signals.hashing;
