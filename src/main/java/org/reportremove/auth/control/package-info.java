/**
 * Issuing access and refresh tokens, verifying client assertions, loading signing keys, rate limiting.
 */
package org.reportremove.auth.control;
