package org.reportremove.auth.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.auth.control.AccessTokens;
import org.reportremove.platform.security.Caller;
import org.reportremove.auth.control.ClientAssertions;
import org.reportremove.auth.control.Sessions;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.web.ClientAddress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 2 token endpoint (form-encoded): {@code password} for young people, {@code refresh_token}, and
 * {@code client_credentials} with a signed client assertion for partner systems.
 */
@Path("v1/auth/token")
@PermitAll
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tokens")
public class TokenResource {

    @Inject
    Sessions sessions;

    @Inject
    AccessTokens accessTokens;

    @Inject
    ClientAssertions clientAssertions;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Get an access token: sign in, refresh, or present a partner's client assertion")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(examples = @ExampleObject(
            name = "signed in", value = "{\"access_token\": \"eyJ…\", \"token_type\": \"Bearer\","
            + " \"expires_in\": 900, \"refresh_token\": \"q3V…\"}")))
    @APIResponse(responseCode = "400", description = "invalid-grant: the same answer for a wrong username or passphrase")
    @APIResponse(responseCode = "401", description = "invalid-client: the client assertion was not accepted")
    @APIResponse(responseCode = "429", description = "too-many-attempts")
    public TokenResponse token(MultivaluedMap<String, String> form) {
        String grant = single(form, "grant_type");
        return switch (grant) {
            case "password" -> answer(sessions.signIn(single(form, "username"), single(form, "password"),
                    ClientAddress.of(http)));
            case "refresh_token" -> answer(sessions.refresh(single(form, "refresh_token")));
            case "client_credentials" -> clientCredentials(form);
            default -> throw new ProblemException(AuthProblems.UNSUPPORTED_GRANT_TYPE,
                    "Use grant_type password, refresh_token or client_credentials.");
        };
    }

    private TokenResponse clientCredentials(MultivaluedMap<String, String> form) {
        if (!ClientAssertions.ASSERTION_TYPE.equals(single(form, "client_assertion_type"))) {
            throw new ProblemException(AuthProblems.INVALID_CLIENT,
                    "Send client_assertion_type " + ClientAssertions.ASSERTION_TYPE + " with a signed client_assertion.");
        }
        ClientAssertions.Verified verified = clientAssertions.verify(single(form, "client_assertion"));
        Map<String, Object> extra = new HashMap<>();
        extra.put("client_id", verified.client().id());
        if (verified.counsellorId() != null) {
            extra.put(Caller.COUNSELLOR_CLAIM, verified.counsellorId());
        }
        AccessTokens.IssuedToken token = accessTokens.issue(verified.client().id(), verified.client().roles(), extra);
        return new TokenResponse(token.value(), "Bearer", token.lifetime().toSeconds(), null);
    }

    private static TokenResponse answer(Sessions.Session session) {
        return new TokenResponse(session.accessToken().value(), "Bearer",
                session.accessToken().lifetime().toSeconds(), session.refreshToken());
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            throw ProblemException.invalidField(name, "is required");
        }
        if (values.size() > 1) {
            throw ProblemException.invalidField(name, "must be given once");
        }
        return values.get(0);
    }
}
