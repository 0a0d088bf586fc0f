package org.reportremove.industry.boundary;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.industry.control.Feedback;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

import java.util.List;
import java.util.Locale;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * What platforms did about the feed's signals: uploads blocked, copies removed, matches not blocked (a suspected
 * false match goes back to the analysts). Each event is applied once, by the platform's own event id.
 */
@Path("v1/industry/feedback")
@AudienceApi(Roles.PLATFORM)
@RolesAllowed(Roles.PLATFORM)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "industry")
@SecurityRequirement(name = "bearer")
public class IndustryFeedbackResource {

    @Inject
    Feedback feedback;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send up to 1,000 pieces of feedback; each is applied, a duplicate, or about an unknown"
            + " signal")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "blocked and disputed", value =
            "{\"events\": [{\"eventId\": \"blk-20261130-0001\", \"id\": \"5f0c2e7a-3b1d-4c8e-9a6f-2d4b8e1c7a90\","
                    + " \"outcome\": \"MATCHED\", \"count\": 3}, {\"eventId\": \"nb-20261130-0002\", \"id\":"
                    + " \"0b6d1f3e-8c2a-4e5f-b7d9-1a3c5e7f9b20\", \"outcome\": \"NOT_BLOCKED\", \"reason\":"
                    + " \"SUSPECTED_FALSE_MATCH\"}]}")))
    @APIResponse(responseCode = "200", description = "Each event's outcome, in the order sent",
            content = @Content(examples = @ExampleObject(name = "applied", value = "{\"applied\": 2, \"duplicate\": 0,"
                    + " \"unknown\": 0, \"results\": [{\"eventId\": \"blk-20261130-0001\", \"status\": \"applied\"},"
                    + " {\"eventId\": \"nb-20261130-0002\", \"status\": \"applied\"}]}")))
    @APIResponse(responseCode = "400", description = "A field is missing or not valid; nothing was applied")
    @APIResponse(responseCode = "403", description = "The platform is subscribed to no list")
    @APIResponse(responseCode = "429", description = "Too many batches this hour")
    public String receiveFeedback(@Valid @NotNull(message = "is required") FeedbackRequest request) {
        List<Feedback.Result> results = feedback.receive(caller.subject(), request.events(), caller.actor());
        JsonArrayBuilder each = JSON.createArrayBuilder();
        int[] counts = new int[3];
        for (Feedback.Result result : results) {
            counts[result.status().ordinal()]++;
            each.add(JSON.createObjectBuilder().add("eventId", result.eventId())
                    .add("status", result.status().name().toLowerCase(Locale.ROOT).replace("_signal", "")));
        }
        JsonObject answer = JSON.createObjectBuilder().add("applied", counts[0]).add("duplicate", counts[1])
                .add("unknown", counts[2]).add("results", each).build();
        return answer.toString();
    }
}
