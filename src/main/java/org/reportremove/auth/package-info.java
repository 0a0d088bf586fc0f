/**
 * The service as token issuer: the OAuth 2 token endpoint (passphrase sign-in, refresh tokens, partner
 * systems' signed client assertions), the signing keys and their JWKS, and sign-in rate limits.
 */
package org.reportremove.auth;
