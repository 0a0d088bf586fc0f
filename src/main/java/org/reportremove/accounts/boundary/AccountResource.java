package org.reportremove.accounts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.accounts.control.AccountStatement;
import org.reportremove.accounts.control.HeldWithAccount;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.Account;
import org.reportremove.accounts.entity.Username;
import org.reportremove.agecheck.control.AgeChecks;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.accounts.control.SignInRefused;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.ratelimit.AttemptLimits;
import org.reportremove.platform.security.Caller;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.ClientAddress;
import org.reportremove.platform.web.Roles;

import java.time.Instant;
import java.util.Locale;

/**
 * A young person's own account: open it, see what we hold, recover access with a recovery code, erase it.
 */
@Path("v1/accounts")
@AudienceApi(Roles.YOUNG_PERSON)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "young people")
public class AccountResource {

    private static final String ADVICE = "Keep these recovery codes somewhere safe and private. Each one lets you"
            + " set a new passphrase once if you forget yours. We cannot show them again.";

    @Inject
    Accounts accounts;

    @Inject
    AgeChecks ageChecks;

    @Inject
    AttemptLimits limits;

    @Inject
    Caller caller;

    /** What the capabilities above hold about an account: the statement covers them without knowing them. */
    @Inject
    Instance<HeldWithAccount> heldWithAccount;

    @Context
    HttpServletRequest http;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Open an account after an age check, or with a self-declared age band")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "after an age check", value =
            "{\"username\": \"quiet-otter\", \"passphrase\": \"purple kettle under the stairs\","
                    + " \"ageCheckId\": \"5b0c2f8e-8a0e-4f55-9d3c-0c1f6f7d2a10\"}")))
    @APIResponse(responseCode = "201", description = "Opened; the recovery codes are shown only now",
            content = @Content(examples = @ExampleObject(name = "opened", value = "{\"accountId\":"
                    + " \"8d1e…\", \"username\": \"quiet-otter\", \"ageAssurance\": \"VERIFIED\", \"ageBand\":"
                    + " \"13_15\", \"recoveryCodes\": [\"7K3P-9QX2-M4TD-0A1B\"], \"advice\": \"Keep these…\"}")))
    @APIResponse(responseCode = "400", description = "A field is missing or breaks a rule")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response open(@Valid @NotNull(message = "a JSON body is required") OpenAccountRequest request) {
        limits.opening(ClientAddress.of(http));
        Username username = new Username(request.username());
        AgeAssuranceOutcome age = ageOf(request);
        Accounts.Opened opened = accounts.open(username, request.passphrase(), age);
        Account account = opened.account();
        return Response.status(Response.Status.CREATED).entity(new AccountOpened(account.id().value(),
                account.username(), age.assurance().name(), age.band().label(), opened.recoveryCodes(), ADVICE))
                .build();
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.YOUNG_PERSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "What we hold about you, in plain words")
    @APIResponse(responseCode = "200", description = "The account, its age assurance and what we hold")
    public AccountDescription me() {
        Account account = own();
        AgeAssuranceOutcome age = account.age();
        return new AccountDescription(account.id().value(), account.username(), account.createdAt(),
                age.assurance().name(), age.band().label(), age.provider(), age.assuredAt(),
                account.unusedRecoveryCodes(), account.notificationId(),
                AccountStatement.of(account, heldWithAccount.stream()
                        .flatMap(held -> held.describe(account.id()).stream()).toList()));
    }

    @DELETE
    @Path("me")
    @RolesAllowed(Roles.YOUNG_PERSON)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase your account and everything we hold about you (your passphrase again); your cases"
            + " keep being blocked unless you also ask to withdraw them")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "erase, keep blocking", value =
            "{\"passphrase\": \"purple kettle under the stairs\", \"withdrawCases\": false}")))
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", description = "The passphrase is not right")
    public Response erase(@Valid @NotNull(message = "a JSON body is required") ErasureRequest confirmation) {
        Account account = own();
        String usernameKey = account.username().toLowerCase(Locale.ROOT);
        // Counted per account: wrong passphrases others send for the username must not stop the owner erasing.
        limits.confirmation(account.id().value());
        if (accounts.signIn(usernameKey, confirmation.passphrase()).isEmpty()) {
            throw ProblemException.invalidField("passphrase", "is not right");
        }
        limits.confirmed(account.id().value());
        accounts.erase(account.id(), confirmation.withdrawing());
        return Response.noContent().build();
    }

    @POST
    @Path("recovery")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new passphrase with a recovery code; signs out everywhere")
    @APIResponse(responseCode = "204", description = "The new passphrase is set")
    @APIResponse(responseCode = "400", description = "The username or recovery code is not right")
    public Response recover(@Valid @NotNull(message = "a JSON body is required") RecoveryRequest request) {
        String usernameKey = request.username().toLowerCase(Locale.ROOT);
        String address = ClientAddress.of(http);
        limits.attempt(usernameKey, address);
        if (accounts.recover(usernameKey, request.recoveryCode(), request.newPassphrase()).isEmpty()) {
            throw new SignInRefused("The username or recovery code is not right. Each code works once.");
        }
        limits.succeeded(usernameKey, address);
        return Response.noContent().build();
    }

    @POST
    @Path("assisted-recovery")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recoverWithCounsellor", summary = "Set a new passphrase with the one-time reset code a"
            + " helpline counsellor gave you; signs out everywhere")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "with a reset code", value = "{\"username\":"
            + " \"quiet-otter\", \"resetCode\": \"7K3P-9QX2-M4TD-0A1B\", \"newPassphrase\": \"green lanterns over"
            + " the harbour\"}")))
    @APIResponse(responseCode = "204", description = "The new passphrase is set")
    @APIResponse(responseCode = "400", description = "The username or reset code is not right, or the code was used"
            + " or has expired")
    @APIResponse(responseCode = "429", description = "Too many attempts; Retry-After says when to try again")
    public Response recoverAssisted(@Valid @NotNull(message = "a JSON body is required")
                                    AssistedRecoveryRequest request) {
        String usernameKey = request.username().toLowerCase(Locale.ROOT);
        String address = ClientAddress.of(http);
        limits.attempt(usernameKey, address);
        if (accounts.recoverAssisted(usernameKey, request.resetCode(), request.newPassphrase()).isEmpty()) {
            throw new SignInRefused("The username or reset code is not right. A reset code works once, for a short"
                    + " time: ask the counsellor for a new one.");
        }
        limits.succeeded(usernameKey, address);
        return Response.noContent().build();
    }

    private AgeAssuranceOutcome ageOf(OpenAccountRequest request) {
        boolean checked = request.ageCheckId() != null;
        boolean declared = request.selfDeclaredAgeBand() != null;
        if (checked == declared) {
            throw ProblemException.invalidField("ageCheckId",
                    "give either ageCheckId (after an age check) or selfDeclaredAgeBand (without ID), not both");
        }
        if (checked) {
            return ageChecks.claim(request.ageCheckId());
        }
        return AgeAssuranceOutcome.selfDeclared(AgeBand.fromLabel(request.selfDeclaredAgeBand()).orElseThrow(),
                Instant.now());
    }

    /** The caller's own account: a token for an erased account finds nothing. */
    private Account own() {
        return accounts.own(caller.subject());
    }
}
