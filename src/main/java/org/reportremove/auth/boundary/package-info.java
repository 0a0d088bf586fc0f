/**
 * The token endpoint and the published JWKS.
 */
package org.reportremove.auth.boundary;
