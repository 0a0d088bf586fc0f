package org.reportremove.agecheck.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.agecheck.control.AgeCheckProvider;
import org.reportremove.agecheck.control.AgeChecks;
import org.reportremove.agecheck.control.ProviderSettings;
import org.reportremove.agecheck.control.StartedAgeCheck;
import org.reportremove.agecheck.control.VerifiedAgeCheck;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.agecheck.entity.AgeCheckStatus;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

/**
 * Young people prove they are under 18 before they have an account, so these addresses need no token. The
 * service learns only the provider's verdict, never who the person is.
 */
@Path("v1/age-checks")
@AudienceApi(Roles.YOUNG_PERSON)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "young people")
public class AgeCheckResource {

    private static final String PROBLEM_EXAMPLE_OVER_18 = "{\"type\": \"urn:reportremove:problem:over-18\","
            + " \"title\": \"This service is for people under 18\", \"status\": 422,"
            + " \"detail\": \"The age check says you are 18 or over, and this service can only help people under 18."
            + " You can still get help: StopNCII.org helps adults ...\"}";

    @Inject
    AgeChecks ageChecks;

    @Inject
    AgeCheckProvider provider;

    @POST
    @Operation(summary = "Start an age check: a one-time nonce for the provider, an expiry, and where the provider is",
            description = "No body is needed (an empty body or {} is fine) and no token: the person has no account yet.")
    @APIResponse(responseCode = "201", description = "Started", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "started",
            value = "{\"id\": \"6f1c2a4e-8d3b-4c55-9e0a-2b7d9f4e1a20\","
                    + " \"nonce\": \"q8Jm0Zr3Xb2VtYp5Kd7Lw1Hs9Nc4Ge6Ua0Oi3Rf8Ty\","
                    + " \"expiresAt\": \"2026-11-22T08:10:00Z\", \"provider\": {\"name\": \"development\","
                    + " \"startUrl\": \"/api/v1/dev/age-provider/attestations\", \"audience\": \"report-remove\"}}")))
    @APIResponse(responseCode = "415", description = "A body that does not say it is JSON, or imagery (none is needed)")
    public Response start() {
        StartedAgeCheck started = ageChecks.start();
        ProviderSettings settings = provider.settings();
        return Response.status(Response.Status.CREATED)
                .entity(new StartAnswer(started.id(), started.nonce(), started.expiresAt(),
                        new ProviderAccess(settings.name(), settings.startUrl(), settings.audience())))
                .build();
    }

    @POST
    @Path("{id}/attestation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the provider's signed attestation for this age check",
            description = "The attestation is verified (signature, issuer, audience, time, this check's nonce) and "
                    + "only its outcome is kept: provider, method, age band and time. Each attestation works once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "attestation", value = "{\"attestation\": \"eyJraWQiOiJwcm92aWRlci0xIiwiYWxnIjoiRVMyNTYifQ.eyJub25jZSI6Ii4uLiJ9.c2lnbmF0dXJl\"}"),
            @ExampleObject(name = "attestation without an age band", value = "{\"attestation\": \"eyJ...\", \"ageBand\": \"13_15\"}")}))
    @APIResponse(responseCode = "200", description = "Verified", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "verified",
            value = "{\"id\": \"6f1c2a4e-8d3b-4c55-9e0a-2b7d9f4e1a20\", \"status\": \"VERIFIED\", \"ageBand\": \"13_15\"}")))
    @APIResponse(responseCode = "400", description = "Not a signed token (attestation-malformed), or a field is not "
            + "valid (invalid-fields: ageBand is required when the provider gives no band)")
    @APIResponse(responseCode = "404", description = "No such age check (not-found), or it expired (age-check-expired)")
    @APIResponse(responseCode = "409", description = "The age check is already complete: an attestation works once (age-check-used)")
    @APIResponse(responseCode = "422", description = "Refused: attestation-signature-invalid, attestation-key-unknown, "
            + "attestation-issuer-wrong, attestation-audience-wrong, attestation-expired, attestation-nonce-mismatch, "
            + "attestation-incomplete, or over-18 (which says where adults can get help)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "over 18", value = PROBLEM_EXAMPLE_OVER_18)))
    @APIResponse(responseCode = "503", description = "The provider's keys could not be fetched (unavailable)")
    public AttestationAnswer attest(@PathParam("id") String id,
                                   @Valid @NotNull(message = "a JSON body is required") AttestationRequest request) {
        AgeBand declared = request.ageBand() == null ? null : AgeBand.fromLabel(request.ageBand()).orElseThrow();
        VerifiedAgeCheck verified = ageChecks.verify(id, request.attestation(), declared);
        return new AttestationAnswer(verified.id(), AgeCheckStatus.VERIFIED.name(), verified.band().label());
    }
}
