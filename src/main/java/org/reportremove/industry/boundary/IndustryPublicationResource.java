package org.reportremove.industry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.industry.control.FeedPublisher;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * Operators publish the feed's due batches now rather than at the next scheduled run (after an outage, say). Only
 * batches whose hour has ended are due, unless the deployment turned the hold-back off.
 */
@Path("v1/operator/industry/publications")
@AudienceApi(Roles.OPERATOR)
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operator")
@SecurityRequirement(name = "bearer")
public class IndustryPublicationResource {

    @Inject
    FeedPublisher publisher;

    @POST
    @Operation(summary = "Publish the industry feed's due batches now")
    @APIResponse(responseCode = "200", description = "How many signals joined the feed",
            content = @Content(examples = @ExampleObject(name = "published", value = "{\"published\": 12}")))
    public String publish() {
        return JSON.createObjectBuilder().add("published", publisher.publishDue()).build().toString();
    }
}
