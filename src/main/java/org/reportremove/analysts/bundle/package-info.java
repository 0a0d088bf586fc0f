/**
 * The bundle format that carries packages and results across an air gap: a JSON Lines body and its manifest,
 * signed (JWS) and optionally encrypted (JWE). Needs only Nimbus JOSE+JWT, so that the analyst-bridge command
 * on the analysts' side reads and writes bundles with the very same code.
 */
package org.reportremove.analysts.bundle;
