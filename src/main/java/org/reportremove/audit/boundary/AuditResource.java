package org.reportremove.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.control.AuditVerification;
import org.reportremove.audit.control.AuditVerifier;
import org.reportremove.platform.security.Caller;
import org.reportremove.audit.entity.AuditAction;
import org.reportremove.audit.entity.AuditEntry;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

/**
 * Operators' view of the audit trail: record an action done outside the service, and verify the chain.
 */
@Path("v1/operator/audit")
@AudienceApi(Roles.OPERATOR)
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operator")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    Caller caller;

    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Record an operational action (key rotation, restore, ...) in the audit trail")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "key rotation",
            value = "{\"action\": \"KEY_ROTATED\", \"objectId\": \"token-signing-2026-11\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(examples = @ExampleObject(
            name = "recorded", value = "{\"id\": 51, \"action\": \"KEY_ROTATED\", \"occurredAt\": \"2026-11-22T08:00:00Z\"}")))
    @APIResponse(responseCode = "400", description = "A field is missing or not valid")
    public Response record(@Valid @NotNull(message = "a JSON body is required") OperatorEntryRequest request) {
        AuditEntry entry = trail.record(AuditAction.valueOf(OperatorAction.valueOf(request.action()).name()),
                caller.actor(), request.objectId());
        return Response.status(Response.Status.CREATED)
                .entity(new AuditEntryCreated(entry.id(), entry.action(), entry.occurredAt()))
                .build();
    }

    @GET
    @Path("checkpoint")
    @Operation(summary = "A signed checkpoint of the audit chain's head, to keep outside the database and give to"
            + " report-remove-audit-verify --checkpoint")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = @Content(examples = @ExampleObject(
            name = "checkpoint", value = "{\"seq\": 1200, \"hash\": \"9f2c…\", \"at\": \"2026-11-22T08:00:00Z\","
            + " \"checkpoint\": \"eyJ…\"}")))
    public AuditVerifier.Checkpoint checkpoint() {
        return verifier.checkpoint();
    }

    @POST
    @Path("verifications")
    @Operation(summary = "Verify the audit chain and report the first broken link and rows left unsealed")
    @APIResponse(responseCode = "200", description = "The outcome", content = @Content(examples = @ExampleObject(
            name = "intact", value = "{\"intact\": true, \"linksVerified\": 1200, \"unsealedOverdue\": 0,"
            + " \"verifiedAt\": \"2026-11-22T08:00:00Z\"}")))
    public AuditVerification verify() {
        AuditVerification result = verifier.verify();
        verifier.recordVerification(caller.actor());
        return result;
    }
}
