package org.reportremove.inbox.boundary;

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
import org.reportremove.accounts.entity.Account;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.inbox.control.Inbox;
import org.reportremove.inbox.entity.InboxCursor;
import org.reportremove.inbox.entity.InboxReply;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.PageQuery;
import org.reportremove.platform.web.Roles;

/**
 * A young person's inbox: messages about their cases, newest first, marking one read, and answering a
 * counsellor's message.
 */
@Path("v1/inbox")
@AudienceApi(Roles.YOUNG_PERSON)
@RolesAllowed(Roles.YOUNG_PERSON)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "young people")
@SecurityRequirement(name = "bearer")
public class InboxResource {

    static final String EXAMPLE = "{\"unread\": 1, \"messages\": [{\"id\": \"0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44\","
            + " \"caseReference\": \"RR-7K3P-9QX2-M4TD\", \"from\": \"SERVICE\", \"messageKey\": \"milestone.REMOVED\","
            + " \"title\": \"It has been taken down\", \"text\": \"Good news. It has been taken down from a place where"
            + " it was shared. We keep checking. …\", \"writtenOn\": \"2026-11-27\", \"read\": false}],"
            + " \"next\": \"MjAyNi0xMS0yN1QxMDoxNTowMFp8MGI3ZTRhNTI\"}";

    @Inject
    Inbox inbox;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "readInbox", summary = "Your messages, newest first, with how many are unread")
    @APIResponse(responseCode = "200", description = "A page of messages", content = @Content(examples =
            @ExampleObject(name = "one message", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A cursor this service did not give out, or a size outside 1"
            + " to 100")
    public InboxPage read(@Parameter(description = "The next value of the previous page") @QueryParam("cursor")
                          String cursor,
                          @Parameter(description = "Messages per page, 1 to 100 (20 when not given)")
                          @QueryParam("size") String size) {
        Account account = accounts.own(caller.subject());
        Inbox.Page page = inbox.page(account.id(), PageQuery.cursor(cursor, InboxCursor::parse), PageQuery.size(size));
        // The reader's age band as it is now: a counsellor's correction to under 13 makes every message simpler.
        boolean under13 = account.age().band() == AgeBand.UNDER_13;
        return new InboxPage(page.unread(), page.messages().stream()
                .map(message -> InboxWords.view(message, inbox.textOf(message), under13)).toList(),
                page.next().map(InboxCursor::encoded).orElse(null));
    }

    @POST
    @Path("{id}/read")
    @Operation(operationId = "markMessageRead", summary = "Mark one of your messages read")
    @APIResponse(responseCode = "204", description = "Marked read (or it was already)")
    @APIResponse(responseCode = "404", description = "No such message in your inbox")
    public void markRead(@Parameter(required = true, example = "0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44")
                         @PathParam("id") String id) {
        inbox.markRead(accounts.own(caller.subject()).id(), id);
    }

    @POST
    @Path("{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToCounsellor", summary = "Answer a counsellor's message (short text, encrypted at"
            + " rest); only their helpline reads it")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a reply", value = "{\"text\": \"Thank you,"
            + " Friday after school is fine.\"}")))
    @APIResponse(responseCode = "201", description = "Sent to the helpline", content = @Content(examples =
            @ExampleObject(name = "sent", value = "{\"id\": \"4f1c2a9e-0d7b-4c55-8e21-6a3b9c0d1e2f\", \"inReplyTo\":"
                    + " \"0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44\", \"writtenAt\": \"2026-11-27T16:05:00Z\"}")))
    @APIResponse(responseCode = "400", description = "No text, or more than 1,000 characters")
    @APIResponse(responseCode = "404", description = "No such message in your inbox")
    @APIResponse(responseCode = "409", description = "The message is not a counsellor's, or you no longer agree that"
            + " their helpline may follow up the case")
    public Response reply(@Parameter(required = true, example = "0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44")
                          @PathParam("id") String id,
                          @Valid @NotNull(message = "a JSON body is required") ReplyRequest request) {
        String text = ReplyRequest.checked(request.text());
        InboxReply reply = inbox.reply(accounts.own(caller.subject()).id(), id, text);
        return Response.status(Response.Status.CREATED)
                .entity(new ReplyAnswer(reply.id(), reply.messageId(), reply.writtenAt())).build();
    }
}
