package org.reportremove.signals.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.platform.security.Caller;
import org.reportremove.signals.control.ImportReport;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;
import org.reportremove.signals.control.KnownSignalImport;

import java.io.IOException;
import java.io.InputStream;

/**
 * Operators fill the bank of known signals in bulk, and take signals out of it ({@code "action": "REMOVE"}); with
 * {@code ?shareable=true&list=...} the signals also join that hash list of the industry feed. The
 * body is read as a stream (the only path with a body limit above the default, see
 * {@code reportremove.signals.import.max-body-bytes}); every node's index follows the changes within seconds.
 */
@Path(KnownSignalResource.PATH)
@AudienceApi(Roles.OPERATOR)
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operator")
@SecurityRequirement(name = "bearer")
public class KnownSignalResource {

    /** Relative to the API root; the full path is {@value #FULL_PATH}. */
    static final String PATH = "v1/operator/known-signals";
    public static final String FULL_PATH = "/api/" + PATH;
    public static final String JSON_LINES = "application/x-ndjson";

    @Inject
    KnownSignalImport importer;

    @Inject
    Caller caller;

    @POST
    @Consumes({JSON_LINES, "application/jsonl"})
    @Operation(summary = "Import known signals from JSON lines, streamed, and remove those marked \"action\":"
            + " \"REMOVE\"; signals already known (or already gone) are left as they are")
    @RequestBody(content = @Content(mediaType = JSON_LINES, examples = @ExampleObject(name = "three signals and a"
            + " removal", value =
            "{\"type\": \"SHA256\", \"value\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}\n"
                    + "{\"type\": \"MD5\", \"value\": \"098f6bcd4621d373cade4e832627b4f6\"}\n"
                    + "{\"type\": \"PDQ\", \"value\": \"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\","
                    + " \"quality\": 100}\n"
                    + "{\"type\": \"SHA256\", \"value\": \"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752\","
                    + " \"action\": \"REMOVE\"}")))
    @APIResponse(responseCode = "200", description = "Imported; refused lines are listed by number",
            content = @Content(examples = @ExampleObject(name = "imported", value = "{\"importId\":"
                    + " \"1f0e…\", \"read\": 4, \"added\": 2, \"alreadyPresent\": 1, \"removed\": 1,"
                    + " \"alreadyAbsent\": 0, \"refused\": 0, \"refusedLines\": []}")))
    @APIResponse(responseCode = "413", description = "The body is over the import limit")
    public ImportReport importSignals(
            @Parameter(description = "true to share the signals imported on a hash list of the industry feed (and"
                    + " only then); their removals leave the feed in any case") @QueryParam("shareable") String shareable,
            @Parameter(description = "the hash list they are shared on, with shareable=true: 1 to 64 letters,"
                    + " digits, spaces, '.', '_' or '-'") @QueryParam("list") String list,
            InputStream body) throws IOException {
        String sharedOn = ImportSharing.listOf(shareable, list);
        String importId = KnownSignalImport.newImportId();
        try {
            return importer.importLines(importId, body, sharedOn);
        } finally {
            // Also when it stops part way (the body over the limit, the database gone): the batches committed by
            // then stay in the bank, and the trail must show who put them there.
            importer.done(caller.actor(), importId);
        }
    }
}
