package org.reportremove.analysts.bundle;

import java.util.List;

/**
 * An opened bundle whose signature and body hash have been verified.
 *
 * @param lines the body's JSON lines, in order
 */
public record Bundle(Manifest manifest, List<String> lines) {

    /**
     * What the signature vouches for besides the body.
     *
     * @param kind       {@link BundleFormat#PACKAGES} (service to analysts) or {@link BundleFormat#RESULTS} (back)
     * @param bodySha256 lower-case hex SHA-256 of the body's UTF-8 bytes
     */
    public record Manifest(String bundleId, String kind, int formatVersion, int count, String bodySha256,
                           String createdAt) {
    }
}
