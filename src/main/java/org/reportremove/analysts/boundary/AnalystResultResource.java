package org.reportremove.analysts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.analysts.control.ResultEvents;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

/**
 * The analyst side sends back assessments, removal actions and closures as result events. Each is applied once
 * (by its {@code eventId}) in any order; the answer says per event what became of it. The path has a body limit
 * of its own ({@code reportremove.analysts.results.max-body-bytes}): a full batch is larger than the default.
 */
@Path("v1/analyst/results")
@AudienceApi(Roles.ANALYST_EXCHANGE)
@RolesAllowed(Roles.ANALYST_EXCHANGE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analysts")
@SecurityRequirement(name = "bearer")
public class AnalystResultResource {

    @Inject
    ResultEvents events;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send up to 1,000 result events; each is applied, a duplicate, ignored or rejected")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "an assessment and an action", value =
            "{\"events\": [{\"eventId\": \"9a0e3c1d-assess-1\", \"kind\": \"ASSESSMENT\","
                    + " \"analystReference\": \"AR-7K3P-9QX2-M4TD-Q8RW\", \"itemReference\": \"AI-2M9D-X4QT-7KPB-W3ZR\","
                    + " \"outcome\": \"ACTIONABLE\", \"category\": \"B\", \"at\": \"2025-05-01T15:10:00Z\"},"
                    + " {\"eventId\": \"9a0e3c1d-notice-1\", \"kind\": \"REMOVAL_ACTION\","
                    + " \"analystReference\": \"AR-7K3P-9QX2-M4TD-Q8RW\", \"action\": \"NOTICE_SENT\","
                    + " \"location\": \"https://example.com/p/123\", \"at\": \"2025-05-01T15:20:00Z\"}]}")))
    @APIResponse(responseCode = "200", description = "Each event's outcome, in the order sent",
            content = @Content(examples = @ExampleObject(name = "one applied, one rejected", value =
                    "{\"applied\": 1, \"duplicate\": 0, \"ignored\": 0, \"rejected\": 1, \"results\": ["
                            + "{\"eventId\": \"9a0e3c1d-assess-1\", \"status\": \"applied\"},"
                            + " {\"eventId\": \"9a0e3c1d-notice-1\", \"status\": \"rejected\", \"reason\":"
                            + " \"UNKNOWN_REFERENCE\", \"detail\": \"analystReference: no case has ever had this reference\"}]}")))
    @APIResponse(responseCode = "400", description = "No events, or more than 1,000")
    public ResultBatchAnswer receive(@Valid @NotNull(message = "is required") ResultBatchRequest batch) {
        if (batch.events().isEmpty() || batch.events().size() > ResultEvents.MAX_BATCH) {
            throw ProblemException.invalidField("events", "must hold 1 to 1,000 events");
        }
        return ResultBatchAnswer.of(events.apply(batch.events(), caller.actor()));
    }
}
