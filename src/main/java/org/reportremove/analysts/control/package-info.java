/**
 * Leasing and acknowledging packages, applying result events once each, and the signed bundles that carry both
 * across an air gap. Nothing leaves without passing the package allowlist; nothing comes back unchecked.
 */
package org.reportremove.analysts.control;
