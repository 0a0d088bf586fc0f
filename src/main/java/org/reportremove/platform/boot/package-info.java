/**
 * The service jar's own entry point around Payara Micro's: it turns a failed boot into a non-zero exit status.
 * Lives at the jar's root beside Payara Micro's launcher, not in the application.
 */
package org.reportremove.platform.boot;
