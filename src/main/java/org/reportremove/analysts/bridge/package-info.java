/**
 * The analyst-bridge command, run in the analysts' secure environment: pulls packages into an inbox folder and
 * pushes result files back (online), or unpacks and packs air-gap bundles. Needs only the JDK and Nimbus.
 */
package org.reportremove.analysts.bridge;
