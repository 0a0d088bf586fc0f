package org.reportremove.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.accounts.control.AccountNotFound;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.cases.control.CaseAnswer;
import org.reportremove.cases.control.CaseDetails;
import org.reportremove.cases.control.CaseSubmissions;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.control.ProgressSource;
import org.reportremove.cases.control.Submission;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseNotFound;
import org.reportremove.cases.entity.CaseReference;
import org.reportremove.cases.entity.Consent;
import org.reportremove.platform.crypto.Digests;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.ratelimit.AttemptLimits;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.ClientAddress;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A young person's own cases: submit one (hashes and details, never imagery), list and read them, add items found
 * later, withdraw one.
 */
@Path("v1/cases")
@AudienceApi(Roles.YOUNG_PERSON)
@RolesAllowed(Roles.YOUNG_PERSON)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "young people")
@SecurityRequirement(name = "bearer")
public class CaseResource {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");

    private static final String SUBMISSION_EXAMPLE = "{\"items\": [{\"contentType\": \"PHOTO\", \"signals\": ["
            + "{\"type\": \"SHA256\", \"value\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"},"
            + " {\"type\": \"MD5\", \"value\": \"098f6bcd4621d373cade4e832627b4f6\"},"
            + " {\"type\": \"PDQ\", \"value\": \"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\","
            + " \"quality\": 100}]}], \"locations\": [{\"kind\": \"PLATFORM\", \"platform\": \"SNAPCHAT\"},"
            + " {\"kind\": \"URL\", \"url\": \"https://example.com/some/page\"}], \"concerns\": [\"THREATENED\"],"
            + " \"notes\": \"Someone I met online says he will send it to my school.\","
            + " \"consent\": {\"followUp\": true, \"contactBy\": \"APP_MESSAGE\"}, \"language\": \"en\"}";
    private static final String ANSWER_EXAMPLE = "{\"reference\": \"RR-7K3P-9QX2-M4TD\", \"status\": \"SUBMITTED\","
            + " \"items\": [{\"number\": 1, \"contentType\": \"PHOTO\", \"alreadyKnown\": false, \"from\": [0]}],"
            + " \"advice\": [{\"code\": \"SAFETY_THREATENED\", \"text\": \"If someone is threatening you: …\"},"
            + " {\"code\": \"NOT_YOUR_FAULT\", \"text\": \"This is not your fault. …\"},"
            + " {\"code\": \"COUNSELLOR_WILL_CONTACT\", \"text\": \"You said a counsellor may contact you. …\"}]}";

    @Inject
    Cases cases;

    @Inject
    ProgressSource progress;

    @Inject
    CaseSubmissions submissions;

    @Inject
    CaseDetails details;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Inject
    AttemptLimits limits;

    /** Each case becomes a package for the analysts: a script must not flood their queue (or probe the bank). */
    @Inject
    @ConfigProperty(name = "reportremove.cases.submissions-per-account-per-hour")
    int perAccountPerHour;

    /** One address may be shared (a school, a phone network), so it gets more room. */
    @Inject
    @ConfigProperty(name = "reportremove.cases.submissions-per-address-per-hour")
    int perAddressPerHour;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a case: items as hashes made on the device, where they may be shared, concerns,"
            + " notes and consent")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one photo", value = SUBMISSION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Submitted (or the same request retried with the same key)",
            content = @Content(examples = @ExampleObject(name = "submitted", value = ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule, or the Idempotency-Key header is missing")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "429", description = "Too many cases from this account or address this hour;"
            + " Retry-After says when to try again")
    public Response submit(
            @Parameter(description = "A new random key per case (a UUID); send the same key to retry the same request",
                    example = "5b0c2f8e-8a0e-4f55-9d3c-0c1f6f7d2a10")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull(message = "a JSON body is required") CaseRequest request) {
        String key = checkedKey(idempotencyKey);
        Submission submission = CaseRules.check(request);
        Account account = own();
        // The request's canonical JSON (properties in a fixed order), so a retry matches whatever its whitespace.
        String digest = Digests.sha256Hex(JSON.toJson(request));
        Optional<String> earlier = submissions.replay(account.id(), key, digest);
        if (earlier.isPresent()) {
            return created(earlier.get());
        }
        limitSubmissions(account);
        try {
            return created(submissions.submit(account.id(), key, digest, account.age(), submission));
        } catch (RuntimeException e) {
            // A request with the same key won a race and committed first: answer as it was answered.
            return created(submissions.replay(account.id(), key, digest).orElseThrow(() -> e));
        }
    }

    @GET
    @Operation(summary = "Your cases, newest first")
    @APIResponse(responseCode = "200", description = "Your cases", content = @Content(examples = @ExampleObject(
            name = "one case", value = "[{\"reference\": \"RR-7K3P-9QX2-M4TD\", \"status\": \"SUBMITTED\","
            + " \"submittedAt\": \"2026-11-22T08:14:03Z\", \"items\": 1}]")))
    public List<CaseSummary> list() {
        return cases.listOwn(callerAccount()).stream()
                .map(c -> new CaseSummary(c.reference().value(), c.status().name(), c.submittedAt(), c.items().size()))
                .toList();
    }

    @GET
    @Path("{reference}")
    @Operation(summary = "One of your cases, with everything it holds")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(examples = @ExampleObject(
            name = "a case", value = "{\"reference\": \"RR-7K3P-9QX2-M4TD\", \"status\": \"SUBMITTED\", \"language\":"
            + " \"en\", \"submittedAt\": \"2026-11-22T08:14:03Z\", \"concerns\": [\"THREATENED\"], \"consent\":"
            + " {\"followUp\": true, \"contactBy\": \"APP_MESSAGE\"}, \"notes\": \"…\", \"locations\": [{\"kind\":"
            + " \"PLATFORM\", \"platform\": \"SNAPCHAT\"}], \"items\": [{\"number\": 1, \"contentType\": \"PHOTO\","
            + " \"alreadyKnown\": false, \"signals\": [{\"type\": \"MD5\", \"value\": \"098f…\"}]}], \"progress\":"
            + " {\"stage\": \"REMOVAL_REQUESTED\", \"placesReported\": 2, \"placesRemoved\": 1,"
            + " \"placesRemovedAgain\": 0, \"platformsBlocking\": 3, \"uploadsBlocked\": 11,"
            + " \"copiesTakenDown\": 0}}")))
    @APIResponse(responseCode = "404", description = "No such case in your account")
    public CaseView read(@Parameter(example = "RR-7K3P-9QX2-M4TD") @PathParam("reference") String reference) {
        Case reportCase = cases.findOwn(callerAccount(), referenceOf(reference)).orElseThrow(CaseNotFound::new);
        return view(reportCase);
    }

    @POST
    @Path("{reference}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add items found later (the same rules as a new case; the same file twice is merged)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one video", value = "{\"items\":"
            + " [{\"contentType\": \"VIDEO\", \"signals\": [{\"type\": \"SHA256\", \"value\":"
            + " \"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752\"}]}]}")))
    @APIResponse(responseCode = "200", description = "Added", content = @Content(examples = @ExampleObject(
            name = "added", value = "{\"reference\": \"RR-7K3P-9QX2-M4TD\", \"status\": \"SUBMITTED\", \"items\":"
            + " [{\"number\": 2, \"contentType\": \"VIDEO\", \"alreadyKnown\": true, \"from\": [0]}], \"advice\": []}")))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "404", description = "No such case in your account")
    @APIResponse(responseCode = "409", description = "The case was withdrawn")
    public CaseAnswer addItems(@Parameter(example = "RR-7K3P-9QX2-M4TD") @PathParam("reference") String reference,
                               @Valid @NotNull(message = "a JSON body is required") AddItemsRequest request) {
        CaseReference checked = referenceOf(reference);
        var drafts = CaseRules.check(request);
        Account account = own();
        limitSubmissions(account);
        return cases.addItems(account.id(), account.age(), checked, drafts);
    }

    @POST
    @Path("{reference}/locations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name more places where it is shared (the same rules as a new case; a place named already"
            + " is not added twice)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one more place", value = "{\"locations\":"
            + " [{\"kind\": \"PLATFORM\", \"platform\": \"INSTAGRAM\", \"name\": \"the account's name\"}]}")))
    @APIResponse(responseCode = "200", description = "Every place the case names now", content = @Content(
            examples = @ExampleObject(name = "two places", value = "{\"reference\": \"RR-7K3P-9QX2-M4TD\","
                    + " \"locations\": [{\"kind\": \"URL\", \"url\": \"https://example.com/some/page\"},"
                    + " {\"kind\": \"PLATFORM\", \"platform\": \"INSTAGRAM\", \"name\": \"the account's name\"}]}")))
    @APIResponse(responseCode = "400", description = "A field breaks a rule, or the case would name over 20 places")
    @APIResponse(responseCode = "404", description = "No such case in your account")
    @APIResponse(responseCode = "409", description = "The case was withdrawn")
    public CaseLocations addLocations(@Parameter(example = "RR-7K3P-9QX2-M4TD") @PathParam("reference") String reference,
                                      @Valid @NotNull(message = "a JSON body is required") AddLocationsRequest request) {
        CaseReference checked = referenceOf(reference);
        var locations = CaseRules.check(request);
        Account account = own();
        limitSubmissions(account);
        return new CaseLocations(checked.value(), cases.addLocations(account.id(), account.age(), checked, locations,
                CaseRules.MAX_LOCATIONS));
    }

    @POST
    @Path("{reference}/withdrawal")
    @Operation(summary = "Withdraw a case: the analyst side is told to withdraw its hashes too")
    @APIResponse(responseCode = "200", description = "Withdrawn (also when it already was)", content = @Content(
            examples = @ExampleObject(name = "withdrawn", value = "{\"reference\": \"RR-7K3P-9QX2-M4TD\", \"status\":"
                    + " \"WITHDRAWN\", \"submittedAt\": \"2026-11-22T08:14:03Z\", \"items\": 1}")))
    @APIResponse(responseCode = "404", description = "No such case in your account")
    public CaseSummary withdraw(@Parameter(example = "RR-7K3P-9QX2-M4TD") @PathParam("reference") String reference) {
        Case withdrawn = cases.withdraw(callerAccount(), referenceOf(reference));
        return new CaseSummary(withdrawn.reference().value(), withdrawn.status().name(), withdrawn.submittedAt(),
                withdrawn.items().size());
    }

    @PUT
    @Path("{reference}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeConsent", summary = "Give, change or withdraw consent to follow-up by helpline"
            + " counsellors, at once")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "one helpline only", value = "{\"followUp\": true, \"contactBy\": \"APP_MESSAGE\","
                    + " \"partners\": [\"childline\"]}"),
            @ExampleObject(name = "withdraw", value = "{\"followUp\": false}")}))
    @APIResponse(responseCode = "200", description = "The consent as it is now", content = @Content(
            examples = @ExampleObject(name = "one helpline", value = "{\"followUp\": true, \"contactBy\":"
                    + " \"APP_MESSAGE\", \"partners\": [\"childline\"]}")))
    @APIResponse(responseCode = "400", description = "A field is missing or breaks a rule")
    @APIResponse(responseCode = "404", description = "No such case in your account")
    @APIResponse(responseCode = "422", description = "A named partner is not a helpline partner of this service")
    public CaseView.ConsentView changeConsent(
            @Parameter(example = "RR-7K3P-9QX2-M4TD") @PathParam("reference") String reference,
            @Valid @NotNull(message = "a JSON body is required") ConsentRequest request) {
        CaseReference checked = referenceOf(reference);
        Consent consent = CaseRules.check(request);
        Case changed = cases.changeConsent(callerAccount(), checked, consent);
        return consentView(details.open(changed).consent());
    }

    private CaseView view(Case reportCase) {
        CaseDetails.Opened opened = details.open(reportCase);
        return new CaseView(reportCase.reference().value(), reportCase.status().name(), reportCase.language().code(),
                reportCase.submittedAt(), reportCase.withdrawnAt(),
                reportCase.concerns().stream().map(Enum::name).toList(),
                consentView(opened.consent()),
                opened.notes(), opened.locations(),
                reportCase.items().stream().filter(item -> !item.foundByAnalysts())
                        .map(item -> new CaseView.ItemView(item.number(),
                        item.contentType().name(), item.alreadyKnown(), item.signals().stream()
                        .map(s -> new CaseView.SignalView(s.type().name(), s.value(), s.quality())).toList())).toList(),
                progress.of(reportCase.id()));
    }

    private static CaseView.ConsentView consentView(Consent consent) {
        return new CaseView.ConsentView(consent.followUp(),
                consent.contactBy() == null ? null : consent.contactBy().name(), consent.partners());
    }

    /** A retried submission replays its answer before this; only new cases and added items count. */
    private void limitSubmissions(Account account) {
        limits.hourly("submission", account.id().value(), perAccountPerHour);
        limits.hourly("submission-address", ClientAddress.of(http), perAddressPerHour);
    }

    private static Response created(String answerJson) {
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON).entity(answerJson).build();
    }

    private static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ProblemException(CaseProblems.IDEMPOTENCY_KEY_REQUIRED, "Send an Idempotency-Key header of 8 to"
                    + " 128 letters, digits, '-' or '_' (a new UUID per case), and the same key to retry the same request.");
        }
        return key;
    }

    /** A reference that cannot be one is simply not found, like any case that is not yours. */
    private static CaseReference referenceOf(String text) {
        return CaseReference.parse(text).orElseThrow(CaseNotFound::new);
    }

    /** The caller's own account: a token for an erased account finds nothing. */
    private Account own() {
        return accounts.own(caller.subject());
    }

    /** The caller's account id, from the token, where the account itself is not needed. */
    private AccountId callerAccount() {
        return AccountId.parse(caller.subject()).orElseThrow(AccountNotFound::new);
    }
}
