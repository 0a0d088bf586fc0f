package org.reportremove.auth.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The OAuth 2 token response. Partner clients get no refresh token: they sign a new assertion instead.
 */
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken) {
}
