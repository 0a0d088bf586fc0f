/**
 * The service's clock, injected wherever "now" decides something (a reminder due, a package delivered), so that
 * tests can move it.
 */
package org.reportremove.platform.time;
