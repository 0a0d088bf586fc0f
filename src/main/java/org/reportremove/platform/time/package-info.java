/**
 * The service's clock, injected where a rule depends on the time, so that tests can set the time instead of waiting
 * for it.
 */
package org.reportremove.platform.time;
