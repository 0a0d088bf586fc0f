package org.reportremove.progress.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.Account;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseNotFound;
import org.reportremove.cases.entity.CaseReference;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;
import org.reportremove.progress.control.CaseProgress;

/**
 * How one of a young person's own cases is going, in words they understand.
 */
@Path("v1/cases/{reference}/progress")
@AudienceApi(Roles.YOUNG_PERSON)
@RolesAllowed(Roles.YOUNG_PERSON)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "young people")
@SecurityRequirement(name = "bearer")
public class ProgressResource {

    static final String EXAMPLE = "{\"reference\": \"RR-7K3P-9QX2-M4TD\", \"stage\": \"REMOVED\", \"language\": \"en\","
            + " \"milestones\": [{\"milestone\": \"RECEIVED\", \"reachedOn\": \"2026-11-22\", \"title\": \"We have"
            + " your report\", \"explanation\": \"Your report reached us safely. …\", \"whatHappensNext\": \"Our team"
            + " will look for them online. …\"}, {\"milestone\": \"REMOVED\", \"reachedOn\": \"2026-11-27\","
            + " \"title\": \"It has been taken down\", \"explanation\": \"Good news. …\", \"whatHappensNext\": \"…\"}],"
            + " \"counts\": {\"placesReported\": 1, \"placesRemoved\": 1, \"placesRemovedAgain\": 0,"
            + " \"platformsBlocking\": 0, \"uploadsBlocked\": 0}, \"inWords\": [\"It is gone from 1 of the 1 places"
            + " we know about.\"], \"items\": [{\"number\": 1, \"stage\": \"REMOVED\", \"inWords\": \"Our team found"
            + " this one, and we can act on it.\"}]}";

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    @Inject
    CaseProgress progress;

    @Inject
    ProgressViews views;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "readProgress", summary = "How one of your cases is going, in plain words")
    @APIResponse(responseCode = "200", description = "The milestones reached (to the day), the counts, and what"
            + " happens next", content = @Content(examples = @ExampleObject(name = "removed", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such case in your account")
    public ProgressView read(@Parameter(example = "RR-7K3P-9QX2-M4TD", required = true)
                             @PathParam("reference") String reference) {
        Account account = accounts.own(caller.subject());
        Case reportCase = CaseReference.parse(reference)
                .flatMap(parsed -> cases.findOwn(account.id(), parsed))
                .orElseThrow(CaseNotFound::new);
        return views.of(reportCase, progress.of(reportCase), account.age().band() == AgeBand.UNDER_13);
    }
}
