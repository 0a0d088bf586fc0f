package org.reportremove.analysts.control;

/**
 * A bundle of packages for the analyst side, ready to be written to removable media.
 *
 * @param file      the bundle file's text (a compact JWS, or a JWE around it)
 * @param encrypted whether it is encrypted to the analyst side's key
 */
public record ExportedBundle(String bundleId, int count, boolean encrypted, String file) {
}
