package org.reportremove.industry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.industry.control.FeedReads;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * The feed of signals for platforms. Without a checkpoint: a snapshot of every signal of the platform's lists,
 * streamed as JSON Lines in constant memory, with the checkpoint to continue from in the {@code Feed-Checkpoint}
 * header. With one: the changes since, a page at a time, with the next checkpoint.
 */
@Path("v1/industry/signals")
@AudienceApi(Roles.PLATFORM)
@RolesAllowed(Roles.PLATFORM)
@RequestScoped
@Tag(name = "industry")
@SecurityRequirement(name = "bearer")
public class IndustrySignalResource {

    public static final String JSON_LINES = "application/x-ndjson";
    public static final String CHECKPOINT_HEADER = "Feed-Checkpoint";

    @Inject
    FeedReads reads;

    @Inject
    Caller caller;

    @GET
    @Produces({JSON_LINES, MediaType.APPLICATION_JSON})
    @Operation(summary = "A snapshot of the feed (JSON Lines) without a checkpoint; the changes since a checkpoint"
            + " with one")
    @APIResponse(responseCode = "200", description = "The snapshot, one signal a line, or a page of changes",
            content = {@Content(mediaType = JSON_LINES, examples = @ExampleObject(name = "snapshot", value =
                    "{\"id\":\"5f0c2e7a-3b1d-4c8e-9a6f-2d4b8e1c7a90\",\"signal_type\":\"pdq\",\"signal_value\":"
                            + "\"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\",\"change\":"
                            + "\"added\",\"day\":\"2026-11-30\"}\n")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "changes",
                            value = "{\"signals\": [{\"id\": \"5f0c2e7a-3b1d-4c8e-9a6f-2d4b8e1c7a90\", \"signal_type\":"
                                    + " \"pdq\", \"signal_value\": \"f8f8f0ce…\", \"change\": \"removed\", \"day\":"
                                    + " \"2026-12-01\"}], \"checkpoint\": \"MTI4LjNm…\", \"more\": false}"))})
    @APIResponse(responseCode = "400", description = "A checkpoint this service did not give, or a bad limit")
    @APIResponse(responseCode = "403", description = "The platform is subscribed to no list")
    @APIResponse(responseCode = "429", description = "Too many reads this hour")
    public Response signals(@QueryParam("checkpoint") String checkpoint, @QueryParam("limit") String limit) {
        if (checkpoint == null) {
            if (limit != null) {
                throw ProblemException.invalidField("limit", "is given only with a checkpoint: a snapshot is whole");
            }
            return snapshot();
        }
        FeedReads.Page page = reads.changes(caller.subject(), checkpoint, pageSize(limit), caller.actor());
        JsonArrayBuilder signals = JSON.createArrayBuilder();
        page.changes().forEach(change -> signals.add(FeedLines.of(change)));
        return Response.ok(JSON.createObjectBuilder().add("signals", signals).add("checkpoint", page.checkpoint())
                .add("more", page.more()).build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response snapshot() {
        FeedReads.Snapshot snapshot = reads.startSnapshot(caller.subject(), caller.actor());
        StreamingOutput body = output -> {
            FeedLines.Writer lines = new FeedLines.Writer(output);
            reads.stream(snapshot, change -> {
                try {
                    lines.write(change);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            lines.flush();
        };
        return Response.ok(body, JSON_LINES).header(CHECKPOINT_HEADER, snapshot.checkpoint()).build();
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return FeedReads.DEFAULT_PAGE;
        }
        if (!limit.matches("[1-9][0-9]{0,4}") || Integer.parseInt(limit) > FeedReads.MAX_PAGE) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to 10,000");
        }
        return Integer.parseInt(limit);
    }
}
