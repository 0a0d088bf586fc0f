/**
 * The service's clock, injected wherever "now" decides something (a package's hold-back, a reminder due, a package
 * delivered), so that tests can fix or move it.
 */
package org.reportremove.platform.time;
