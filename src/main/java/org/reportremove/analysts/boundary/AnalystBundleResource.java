package org.reportremove.analysts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.analysts.bundle.BundleFormat;
import org.reportremove.analysts.control.AnalystBundles;
import org.reportremove.analysts.control.BundleKeys;
import org.reportremove.analysts.control.ExportedBundle;
import org.reportremove.analysts.control.ImportReport;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

import java.util.Optional;

/**
 * Operators carry the analyst exchange across an air gap: export pending packages as a signed (and, when the
 * analyst side has an encryption key, encrypted) bundle file, and import the signed result bundle that comes back.
 */
@Path("v1/operator/analyst-bundles")
@AudienceApi(Roles.OPERATOR)
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Tag(name = "operator")
@SecurityRequirement(name = "bearer")
public class AnalystBundleResource {

    @Inject
    AnalystBundles bundles;

    @Inject
    BundleKeys keys;

    @Inject
    Caller caller;

    @POST
    @Produces(BundleFormat.MEDIA_TYPE)
    @Operation(summary = "Export up to max pending packages as one bundle file; they stay held until acknowledged")
    @APIResponse(responseCode = "200", description = "The bundle file (compact JWS, or JWE around it); its id and"
            + " package count are in the Bundle-Id and Package-Count headers")
    @APIResponse(responseCode = "204", description = "Nothing is pending")
    @APIResponse(responseCode = "400", description = "max is not 1 to 10,000")
    public Response export(@Parameter(description = "The most packages in the bundle (1 to 10,000)", example = "5000")
                           @QueryParam("max") @DefaultValue("10000") String max) {
        int limit;
        try {
            limit = Integer.parseInt(max);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 10_000) {
            throw ProblemException.invalidField("max", "must be 1 to 10,000");
        }
        Optional<ExportedBundle> exported = bundles.export(limit, caller.actor());
        if (exported.isEmpty()) {
            return Response.noContent().build();
        }
        ExportedBundle bundle = exported.get();
        return Response.ok(bundle.file(), BundleFormat.MEDIA_TYPE)
                .header("Bundle-Id", bundle.bundleId())
                .header("Package-Count", bundle.count())
                .header("Content-Disposition", "attachment; filename=\"packages-" + bundle.bundleId() + ".jose\"")
                .build();
    }

    @POST
    @Path("results")
    @Consumes({BundleFormat.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a result bundle signed by the analyst side: acknowledgements and result events")
    @RequestBody(content = @Content(mediaType = BundleFormat.MEDIA_TYPE, examples = @ExampleObject(name = "a bundle",
            value = "eyJ0eXAiOiJyZXBvcnRyZW1vdmUtYnVuZGxlK2p3cyIsImtpZCI6ImFuYWx5c3RzLTEiLCJhbGciOiJFUzI1NiJ9.eyJtYW5pZmVzdCI6…")))
    @APIResponse(responseCode = "200", description = "Applied; each event's outcome as for the online results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "imported",
                    value = "{\"bundleId\": \"0f5c…\", \"acknowledged\": 120, \"unknownAcknowledgements\": 0,"
                            + " \"results\": [{\"eventId\": \"9a0e3c1d-assess-1\", \"status\": \"applied\"}]}")))
    @APIResponse(responseCode = "409", description = "This bundle was imported before")
    @APIResponse(responseCode = "422", description = "Signature, body hash or format not valid: nothing applied")
    public ImportReport importResults(String file) {
        return bundles.importResults(file == null ? "" : file, caller.actor());
    }

    @GET
    @Path("signing-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public key that exported bundles are signed with, for the analyst side to verify them")
    @APIResponse(responseCode = "200", description = "A JWKS of the public signing key")
    public String signingKey() {
        return keys.publicSigningKeys().toString();
    }
}
