package org.reportremove.helpline.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.reportremove.accounts.control.Accounts;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.cases.entity.CaseStatus;
import org.reportremove.helpline.control.AccountHelp;
import org.reportremove.helpline.control.CounsellorMessages;
import org.reportremove.helpline.control.CounsellorNotes;
import org.reportremove.helpline.control.HelplineCases;
import org.reportremove.helpline.entity.HelplineCursor;
import org.reportremove.helpline.entity.SafeguardingFlag;
import org.reportremove.inbox.control.Inbox;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.PageQuery;
import org.reportremove.platform.web.Roles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The counsellor API: the cases a helpline partner may follow up, safeguarding first, what a counsellor may see of
 * each, and the partner's own notes. The partner is the token's client; the counsellor, its {@code counsellor_id}.
 */
@Path("v1/helpline/cases")
@AudienceApi(Roles.COUNSELLOR)
@RolesAllowed(Roles.COUNSELLOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "counsellors")
@SecurityRequirement(name = "bearer")
public class HelplineResource {

    static final int MAX_NOTE = 2_000;
    static final int MAX_MESSAGE = 1_000;
    private static final String REFERENCE = "RR-7K3P-9QX2-M4TD";

    @Inject
    HelplineCases cases;

    @Inject
    CounsellorNotes notes;

    @Inject
    HelplineViews views;

    @Inject
    CounsellorMessages messages;

    @Inject
    AccountHelp help;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listHelplineCases", summary = "The cases your helpline may follow up: safeguarding first"
            + " (THREATENED, AT_RISK, UNDER_13, AGE_UNCONFIRMED), then oldest")
    @APIResponse(responseCode = "200", description = "A page of cases", content = @Content(examples = @ExampleObject(
            name = "one case", value = "{\"cases\": [{\"reference\": \"" + REFERENCE + "\", \"status\": \"SUBMITTED\","
            + " \"flags\": [\"THREATENED\", \"AGE_UNCONFIRMED\"], \"ageBand\": \"13_15\", \"ageAssurance\":"
            + " \"SELF_DECLARED\", \"submittedOn\": \"2026-11-22\", \"stage\": \"WITH_ANALYSTS\"}],"
            + " \"next\": \"MHwyMDI2LTExLTIyVDA4OjE0OjAzWnw…\"}")))
    @APIResponse(responseCode = "400", description = "An unknown flag or status, a cursor this service did not give"
            + " out, or a size outside 1 to 100")
    public HelplineCasePage list(
            @Parameter(description = "Only cases with this flag: THREATENED, AT_RISK, UNDER_13, AGE_UNCONFIRMED")
            @QueryParam("flag") String flag,
            @Parameter(description = "Only cases in this status: SUBMITTED, WITHDRAWN") @QueryParam("status")
            String status,
            @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Cases per page, 1 to 100 (20 when not given)") @QueryParam("size") String size) {
        HelplineCases.Page page = cases.page(partner(), enumOf("flag", flag, SafeguardingFlag.class),
                enumOf("status", status, CaseStatus.class), PageQuery.cursor(cursor, HelplineCursor::parse), PageQuery.size(size));
        return new HelplineCasePage(page.cases().stream().map(views::summary).toList(),
                page.next().map(HelplineCursor::encoded).orElse(null));
    }

    @GET
    @Path("{reference}")
    @Operation(operationId = "readHelplineCase", summary = "One case, as much as a counsellor may see of it: never"
            + " signals, assessment categories or the analyst reference")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(examples = @ExampleObject(
            name = "a case", value = "{\"reference\": \"" + REFERENCE + "\", \"status\": \"SUBMITTED\", \"language\":"
            + " \"en\", \"submittedOn\": \"2026-11-22\", \"ageBand\": \"13_15\", \"ageAssurance\": \"SELF_DECLARED\","
            + " \"flags\": [\"THREATENED\", \"AGE_UNCONFIRMED\"], \"concerns\": [\"THREATENED\"], \"contactBy\":"
            + " \"APP_MESSAGE\", \"notes\": \"…\", \"locations\": [{\"kind\": \"PLATFORM\", \"platform\":"
            + " \"SNAPCHAT\"}], \"progress\": {\"stage\": \"WITH_ANALYSTS\", \"milestones\": [{\"milestone\":"
            + " \"RECEIVED\", \"reachedOn\": \"2026-11-22\"}], \"counts\": {\"placesReported\": 0, \"placesRemoved\":"
            + " 0, \"placesRemovedAgain\": 0, \"platformsBlocking\": 0, \"uploadsBlocked\": 0,"
            + " \"copiesTakenDown\": 0}}, \"messages\": []}")))
    @APIResponse(responseCode = "404", description = "No case with this reference that your helpline may follow up")
    public HelplineCaseView read(@Parameter(example = REFERENCE, required = true) @PathParam("reference")
                                 String reference) {
        HelplineCases.ConsentedCase consented = cases.read(partner(), caller.actor(), reference);
        return views.view(consented, messages.thread(consented, partner()).stream().map(HelplineResource::threadMessage)
                .toList());
    }

    @POST
    @Path("{reference}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendCounsellorMessage", summary = "Send a short message to the young person's inbox"
            + " (encrypted at rest); their replies appear in the case's messages")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a message", value = "{\"text\": \"Hi, I am"
            + " a counsellor. Would you like to talk on Friday after school?\"}")))
    @APIResponse(responseCode = "201", description = "Sent", content = @Content(examples = @ExampleObject(
            name = "sent", value = "{\"id\": \"0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44\"}")))
    @APIResponse(responseCode = "400", description = "No text, or more than 1,000 characters")
    @APIResponse(responseCode = "404", description = "No case with this reference that your helpline may follow up")
    public Response sendMessage(@Parameter(example = REFERENCE, required = true) @PathParam("reference")
                                String reference,
                                @Valid @NotNull(message = "a JSON body is required") NoteRequest request) {
        String text = ShortText.check("text", request.text(), MAX_MESSAGE);
        return Response.status(Response.Status.CREATED)
                .entity(new SentMessage(messages.send(partner(), caller.actor(), reference, text))).build();
    }

    @POST
    @Path("{reference}/age-confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmAge", summary = "Confirm the young person's self-declared age band, or correct"
            + " it: their age becomes HELPLINE_CONFIRMED")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "confirmed", value = "{\"ageBand\":"
            + " \"13_15\"}")))
    @APIResponse(responseCode = "200", description = "The age as it is now", content = @Content(examples =
            @ExampleObject(name = "confirmed", value = "{\"ageBand\": \"13_15\", \"ageAssurance\":"
                    + " \"HELPLINE_CONFIRMED\"}")))
    @APIResponse(responseCode = "400", description = "Not an age band")
    @APIResponse(responseCode = "404", description = "No case with this reference that your helpline may follow up")
    @APIResponse(responseCode = "409", description = "An age assurance provider verified this age")
    public AgeView confirmAge(@Parameter(example = REFERENCE, required = true) @PathParam("reference")
                              String reference,
                              @Valid @NotNull(message = "a JSON body is required") AgeConfirmationRequest request) {
        AgeBand band = AgeBand.fromLabel(request.ageBand()).orElseThrow(() -> ProblemException.invalidField(
                "ageBand", "must be one of UNDER_13, 13_15, 16_17"));
        AgeAssuranceOutcome age = help.confirmAge(partner(), caller.actor(), reference, band);
        return new AgeView(age.band().label(), age.assurance().name());
    }

    /** An account's age as a counsellor sees it. */
    public record AgeView(String ageBand, String ageAssurance) {
    }

    @POST
    @Path("{reference}/recovery-codes")
    @Operation(operationId = "issueResetCode", summary = "Issue a one-time, short-lived reset code for the young"
            + " person's account, to pass on through your own channel; shown only now")
    @APIResponse(responseCode = "201", description = "Issued; any earlier unused code stops working", content =
            @Content(examples = @ExampleObject(name = "issued", value = "{\"resetCode\": \"7K3P-9QX2-M4TD-0A1B\","
                    + " \"expiresAt\": \"2026-11-22T10:00:00Z\"}")))
    @APIResponse(responseCode = "404", description = "No case with this reference that your helpline may follow up")
    @APIResponse(responseCode = "429", description = "Too many codes for this account this hour; Retry-After says"
            + " when to try again")
    public Response issueResetCode(@Parameter(example = REFERENCE, required = true) @PathParam("reference")
                                   String reference) {
        Accounts.IssuedReset issued = help.issueResetCode(partner(), caller.actor(), reference);
        return Response.status(Response.Status.CREATED)
                .entity(new ResetCode(issued.code(), issued.expiresAt())).build();
    }

    /** A reset code, shown once: the service keeps only its digest. */
    public record ResetCode(String resetCode, java.time.Instant expiresAt) {
    }

    /** What a message send answers: the id its replies will name in {@code inReplyTo}. */
    public record SentMessage(String id) {
    }

    private static HelplineCaseView.ThreadMessage threadMessage(Inbox.ThreadEntry entry) {
        return new HelplineCaseView.ThreadMessage(entry.id(), entry.fromCounsellor() ? "COUNSELLOR" : "YOUNG_PERSON",
                entry.counsellor(), entry.text(), entry.inReplyTo(), entry.writtenAt(),
                entry.fromCounsellor() ? entry.read() : null);
    }

    @POST
    @Path("{reference}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "writeCounsellorNote", summary = "Write a note on a case, for your helpline's"
            + " counsellors only (encrypted at rest)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a note", value = "{\"text\": \"Called back,"
            + " agreed to talk again on Friday.\"}")))
    @APIResponse(responseCode = "201", description = "Written", content = @Content(examples = @ExampleObject(
            name = "written", value = "{\"id\": \"0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44\", \"counsellor\":"
            + " \"childline:c-0142\", \"text\": \"Called back, agreed to talk again on Friday.\", \"writtenAt\":"
            + " \"2026-11-22T09:30:00Z\"}")))
    @APIResponse(responseCode = "400", description = "No text, or more than 2,000 characters")
    @APIResponse(responseCode = "404", description = "No case with this reference that your helpline may follow up")
    public Response writeNote(@Parameter(example = REFERENCE, required = true) @PathParam("reference") String reference,
                              @Valid @NotNull(message = "a JSON body is required") NoteRequest request) {
        String text = ShortText.check("text", request.text(), MAX_NOTE);
        return Response.status(Response.Status.CREATED)
                .entity(notes.write(partner(), caller.actor(), reference, text)).build();
    }

    @GET
    @Path("{reference}/notes")
    @Operation(operationId = "readCounsellorNotes", summary = "Your helpline's notes on a case, oldest first")
    @APIResponse(responseCode = "200", description = "The notes (another helpline's are never shown)")
    @APIResponse(responseCode = "404", description = "No case with this reference that your helpline may follow up")
    public List<CounsellorNotes.Note> readNotes(@Parameter(example = REFERENCE, required = true)
                                                @PathParam("reference") String reference) {
        return notes.read(partner(), caller.actor(), reference);
    }

    /** The helpline partner is the client the token was issued to. */
    private String partner() {
        return caller.subject();
    }

    private static <E extends Enum<E>> Optional<E> enumOf(String name, String value, Class<E> type) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField(name, "must be one of "
                        + Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", ""))));
    }
}
