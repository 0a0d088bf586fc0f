package org.reportremove.analysts.entity;

import org.reportremove.platform.security.Actor;

/**
 * A bundle crossed the air gap: exported to the analyst side, or imported from it.
 *
 * @param direction {@link BundleRecord#EXPORTED} or {@link BundleRecord#IMPORTED}
 */
public record AnalystBundleRecorded(String bundleId, String direction, Actor actor) {
}
