/**
 * Service mode and the checks that keep development-only settings out of production.
 */
package org.reportremove.platform.configuration;
