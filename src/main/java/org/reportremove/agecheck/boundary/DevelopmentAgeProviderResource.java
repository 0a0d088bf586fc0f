package org.reportremove.agecheck.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.agecheck.control.AgeCheckProvider;
import org.reportremove.agecheck.control.DevelopmentAgeProvider;
import org.reportremove.agecheck.entity.AgeCheckMethod;
import org.reportremove.platform.problem.ProblemException;

import java.util.Locale;

/**
 * The development age check provider, for trying the age check out without a real provider. Every address
 * answers 404 unless the service runs in development mode with the development provider on
 * ({@link DevelopmentProviderSwitch}).
 */
@Path("v1/dev/age-provider")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "development")
public class DevelopmentAgeProviderResource {

    @Inject
    DevelopmentAgeProvider development;

    @Inject
    AgeCheckProvider provider;

    @GET
    @Path("jwks.json")
    @Operation(operationId = "developmentKeys", summary = "The development provider's public keys (development mode only)")
    @APIResponse(responseCode = "200", description = "Its JWKS", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "jwks",
            value = "{\"keys\": [{\"kty\": \"EC\", \"use\": \"sig\", \"crv\": \"P-256\", \"kid\": \"development-1a2b3c4d\","
                    + " \"x\": \"...\", \"y\": \"...\", \"alg\": \"ES256\"}]}")))
    @APIResponse(responseCode = "404", description = "Not in development mode, or the development provider is off")
    public String keys() {
        return development.publicKeys().toString();
    }

    @POST
    @Path("attestations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "developmentAttest", summary = "Sign an attestation for any age (development mode only)",
            description = "Stands in for a real provider: send the age check's nonce and the age to attest.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "15, by document", value = "{\"nonce\": \"q8Jm0Zr3Xb2VtYp5Kd7Lw1Hs9Nc4Ge6Ua0Oi3Rf8Ty\", \"age\": 15,"
            + " \"method\": \"document\"}")))
    @APIResponse(responseCode = "200", description = "The signed attestation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "attestation",
            value = "{\"attestation\": \"eyJraWQiOiJkZXZlbG9wbWVudC0xYTJiM2M0ZCIsImFsZyI6IkVTMjU2In0.eyJ...\"}")))
    @APIResponse(responseCode = "404", description = "Not in development mode, or the development provider is off")
    public DevelopmentAttestation attest(
            @Valid @NotNull(message = "a JSON body is required") DevelopmentAttestationRequest request) {
        if (request.age() < 0 || request.age() > 130) {
            throw ProblemException.invalidField("age", "must be 0 to 130");
        }
        AgeCheckMethod method = AgeCheckMethod.valueOf(
                (request.method() == null ? "document" : request.method()).toUpperCase(Locale.ROOT));
        return new DevelopmentAttestation(development.attest(provider.settings(), request.nonce(), request.age(),
                method, !Boolean.FALSE.equals(request.withAgeBand())));
    }
}
