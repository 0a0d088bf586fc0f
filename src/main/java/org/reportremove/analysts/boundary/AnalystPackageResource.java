package org.reportremove.analysts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.analysts.control.AnalystPackages;
import org.reportremove.analysts.control.LeasedPackages;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;
import org.reportremove.platform.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * The analyst side pulls hash-only packages: lease a batch, store each, acknowledge them (a lease's worth in one
 * request, or one by one). A package not
 * acknowledged before its lease runs out is leased again (to this puller or another), so nothing is lost when a
 * puller dies; the analyst side applies packages by {@code packageId}, so a second delivery is harmless.
 */
@Path("v1/analyst/packages")
@AudienceApi(Roles.ANALYST_EXCHANGE)
@RolesAllowed(Roles.ANALYST_EXCHANGE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analysts")
@SecurityRequirement(name = "bearer")
public class AnalystPackageResource {

    static final String PACKAGE_EXAMPLE = "{\"schemaVersion\": 1, \"packageId\": \"5b1f0c7e-9d0a-4c55-8f1e-2f3a4b5c6d7e\","
            + " \"type\": \"CASE_SUBMITTED\", \"analystReference\": \"AR-7K3P-9QX2-M4TD-Q8RW\","
            + " \"hour\": \"2025-05-01T14:00Z\", \"ageBand\": \"13_15\", \"priorityFlags\": [\"THREATENED\"],"
            + " \"items\": [{\"itemReference\": \"AI-2M9D-X4QT-7KPB-W3ZR\", \"contentType\": \"PHOTO\", \"signals\": ["
            + "{\"type\": \"SHA256\", \"value\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"},"
            + " {\"type\": \"PDQ\", \"value\": \"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\","
            + " \"quality\": 100}]}], \"locations\": [{\"kind\": \"URL\", \"url\": \"https://example.com/p/123\"},"
            + " {\"kind\": \"PLATFORM\", \"platform\": \"SNAPCHAT\"}]}";

    @Inject
    AnalystPackages packages;

    @POST
    @Path("lease")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lease up to max pending packages (priority flags first, then the oldest)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a batch", value = "{\"max\": 100}")))
    @APIResponse(responseCode = "200", description = "The leased packages (none when nothing is pending)",
            content = @Content(examples = @ExampleObject(name = "one package", value =
                    "{\"leaseExpiresAt\": \"2025-05-01T14:08:00Z\", \"packages\": [" + PACKAGE_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", description = "max is missing or not 1 to 500")
    public JsonObject lease(@Valid @NotNull(message = "is required") LeaseRequest request) {
        if (request.max() < 1 || request.max() > AnalystPackages.MAX_LEASE) {
            throw ProblemException.invalidField("max", "must be 1 to 500");
        }
        LeasedPackages leased = packages.lease(request.max());
        JsonArrayBuilder array = JSON.createArrayBuilder();
        leased.packages().forEach(array::add);
        return JSON.createObjectBuilder().add("leaseExpiresAt", leased.leaseExpiresAt().toString())
                .add("packages", array).build();
    }

    @POST
    @Path("acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge up to 500 leased packages at once, once they are stored on the analyst side",
            description = "Answered per package: acknowledged, or not-found when no leased package has the id (also"
                    + " when acknowledged before). An id that is not a package id refuses the whole batch.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two packages", value =
            "{\"packageIds\": [\"5b1f0c7e-9d0a-4c55-8f1e-2f3a4b5c6d7e\", \"0c8d7a2b-1e4f-4a6b-9c3d-5e7f9a1b3c5d\"]}")))
    @APIResponse(responseCode = "200", description = "Each package's outcome, in the order sent",
            content = @Content(examples = @ExampleObject(name = "one acknowledged, one acknowledged before", value =
                    "{\"acknowledged\": 1, \"notFound\": 1, \"results\": ["
                            + "{\"packageId\": \"5b1f0c7e-9d0a-4c55-8f1e-2f3a4b5c6d7e\", \"status\": \"acknowledged\"},"
                            + " {\"packageId\": \"0c8d7a2b-1e4f-4a6b-9c3d-5e7f9a1b3c5d\", \"status\": \"not-found\"}]}")))
    @APIResponse(responseCode = "400", description = "packageIds is missing, holds no ids or more than 500, or an entry"
            + " that is not a package id (invalid-fields; nothing is acknowledged)")
    public AcknowledgementAnswer acknowledgeAll(@Valid @NotNull(message = "is required") AcknowledgementRequest request) {
        List<String> ids = request.packageIds();
        if (ids.isEmpty() || ids.size() > AnalystPackages.MAX_LEASE) {
            throw ProblemException.invalidField("packageIds", "must hold 1 to 500 package ids");
        }
        List<FieldError> wrong = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !AnalystPackages.PACKAGE_ID.matcher(ids.get(i)).matches()) {
                wrong.add(new FieldError("packageIds[" + i + "]", "must be a package id from a lease"));
            }
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalidFields(wrong);
        }
        return AcknowledgementAnswer.of(packages.acknowledge(ids));
    }

    @POST
    @Path("{packageId}/ack")
    @Operation(summary = "Acknowledge a leased package once it is stored on the analyst side")
    @APIResponse(responseCode = "204", description = "Acknowledged: the package is no longer held here")
    @APIResponse(responseCode = "404", description = "No leased package has this id (also when acknowledged before)")
    public Response acknowledge(@Parameter(example = "5b1f0c7e-9d0a-4c55-8f1e-2f3a4b5c6d7e")
                                @PathParam("packageId") String packageId) {
        if (!AnalystPackages.PACKAGE_ID.matcher(packageId).matches()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "packageId must be a package id from a lease.");
        }
        if (!packages.acknowledge(packageId)) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "No leased package has this id. It may have been acknowledged already.");
        }
        return Response.noContent().build();
    }
}
