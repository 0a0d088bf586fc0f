package org.reportremove.platform.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.web.AudienceApi;
import org.reportremove.platform.web.Roles;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operators' view of webhooks: the subscriptions and how their deliveries stand, failed deliveries, and replaying
 * them (one, or all of them) once the partner's endpoint works again. Never a secret, a body or a full URL.
 */
@Path("v1/operator/webhooks")
@AudienceApi(Roles.OPERATOR)
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operator")
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    @Inject
    WebhookWorker worker;

    @Inject
    WebhookDeliveries deliveries;

    @GET
    @Path("subscriptions")
    @Operation(summary = "The configured webhook subscriptions and the state of their deliveries")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(examples = @ExampleObject(
            name = "one partner", value = "[{\"partner\": \"helpline\", \"endpoint\": \"https://helpline.example/hooks\","
            + " \"events\": [\"case.submitted\", \"notification.due\"], \"secrets\": 1, \"enabled\": true,"
            + " \"circuit\": \"closed\", \"pending\": 0, \"failed\": 2, \"delivered\": 1520,"
            + " \"lastDeliveredAt\": \"2026-11-30T20:00:00Z\", \"lastFailedAt\": \"2026-11-29T03:10:00Z\"}]")))
    public List<SubscriptionView> subscriptions() {
        WebhookSettings settings = worker.settings();
        Map<String, WebhookDeliveries.PartnerState> states = deliveries.statePerPartner();
        Set<String> disabled = deliveries.disabled();
        return settings.subscriptions().values().stream()
                .sorted(java.util.Comparator.comparing(Subscription::partner))
                .map(subscription -> {
                    var state = states.getOrDefault(subscription.partner(), WebhookDeliveries.PartnerState.NONE);
                    return new SubscriptionView(subscription.partner(), subscription.endpoint(),
                            subscription.events().stream().sorted().toList(), subscription.secrets().size(),
                            !disabled.contains(subscription.partner()),
                            worker.circuitOpen(subscription.partner()) ? "open" : "closed",
                            state.pending(), state.failed(), state.delivered(), state.lastDeliveredAt(),
                            state.lastFailedAt());
                })
                .toList();
    }

    @POST
    @Path("subscriptions/{partner}/enable")
    @Operation(summary = "Switch on again a subscription that its endpoint switched off with 410 Gone")
    @APIResponse(responseCode = "200", description = "Switched on")
    @APIResponse(responseCode = "404", description = "No subscription for this partner")
    public SubscriptionView enable(@PathParam("partner") String partner) {
        if (!worker.settings().subscriptions().containsKey(partner)) {
            throw new DeliveryNotFound("webhook subscription");
        }
        deliveries.enable(partner);
        return subscriptions().stream().filter(view -> view.partner().equals(partner)).findFirst().orElseThrow();
    }

    @GET
    @Path("deliveries/failed")
    @Operation(summary = "Failed deliveries, newest first: retries ran out, the endpoint answered 410, or the message"
            + " named no partner")
    @APIResponse(responseCode = "200", description = "The failed deliveries", content = @Content(examples = @ExampleObject(
            name = "one", value = "[{\"id\": \"msg_2f0c…\", \"eventId\": \"7d1e…\", \"partner\": \"helpline\","
            + " \"type\": \"case.submitted\", \"state\": \"FAILED\", \"reason\": \"RETRIES_EXHAUSTED\", \"attempts\": 23,"
            + " \"lastStatus\": 503, \"queuedAt\": \"2026-11-28T03:10:00Z\", \"finishedAt\": \"2026-11-29T03:10:00Z\"}]")))
    public List<WebhookDeliveries.Listed> failed(@QueryParam("partner") String partner,
                                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        // Checked here, not with @Min/@Max: Payara's OpenAPI generator fails on those on a query parameter.
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", "must be 1 to 1000");
        }
        return deliveries.failed(partner, limit);
    }

    @POST
    @Path("deliveries/failed/replay")
    @Operation(summary = "Send every failed delivery again (of one partner with ?partner=), with a fresh retry period")
    @APIResponse(responseCode = "200", description = "How many will be sent again",
            content = @Content(examples = @ExampleObject(name = "replayed", value = "{\"replayed\": 12}")))
    public ReplayAnswer replayAll(@QueryParam("partner") String partner) {
        return new ReplayAnswer(deliveries.replay(null, partner));
    }

    @POST
    @Path("deliveries/{id}/replay")
    @Operation(summary = "Send one failed delivery again, with the same webhook-id and a fresh retry period")
    @APIResponse(responseCode = "200", description = "It will be sent again",
            content = @Content(examples = @ExampleObject(name = "replayed", value = "{\"replayed\": 1}")))
    @APIResponse(responseCode = "404", description = "No delivery with this id")
    @APIResponse(responseCode = "409", description = "The delivery is not a failed one that can be sent")
    public ReplayAnswer replay(@PathParam("id") String id) {
        WebhookDeliveries.Listed delivery = deliveries.find(id)
                .orElseThrow(() -> new DeliveryNotFound("webhook delivery"));
        int replayed = deliveries.replay(id, null);
        if (replayed == 0) {
            throw new DeliveryNotReplayable(delivery.state(), delivery.reason());
        }
        return new ReplayAnswer(replayed);
    }
}
