package org.reportremove.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reportremove.testing.JsonBodies.arrayOf;
import static org.reportremove.testing.JsonBodies.object;

/**
 * The analyst side's online exchange, as a test drives it: lease and acknowledge packages, send result events.
 */
public final class AnalystSide {

    static final String LEASE = "/api/v1/analyst/packages/lease";
    static final String RESULTS = "/api/v1/analyst/results";
    private static final int MAX_ROUNDS = 200;

    private final Api api;
    private final String bearer;

    public AnalystSide(Api api) {
        this.api = api;
        this.bearer = "Bearer " + Tokens.clientToken(api, "test-analyst", null);
    }

    /**
     * Leases until a package about the case comes, acknowledging every package leased on the way (other tests'
     * packages too: nobody else pulls them here).
     *
     * @return the package about the case
     */
    public JsonObject receive(String analystReference) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Reply leased = api.postJson(LEASE, object("max", 500), "Authorization", bearer);
            assertEquals(200, leased.status(), leased.body());
            JsonObject ours = null;
            for (JsonValue value : leased.json().getJsonArray("packages")) {
                JsonObject leasedPackage = value.asJsonObject();
                Reply ack = api.post("/api/v1/analyst/packages/" + leasedPackage.getString("packageId") + "/ack",
                        "application/json", "", "Authorization", bearer);
                assertEquals(204, ack.status(), ack.body());
                if (analystReference.equals(leasedPackage.getString("analystReference", null))) {
                    ours = leasedPackage;
                }
            }
            if (ours != null) {
                return ours;
            }
        }
        throw new AssertionError("the case's package was never leased");
    }

    /** Sends result events in one batch; every one must be applied. */
    public JsonObject sendApplied(JsonObject... events) {
        Reply reply = api.postJson(RESULTS, object("events", arrayOf(List.of(events))), "Authorization", bearer);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(events.length, reply.json().getInt("applied"), reply.body());
        return reply.json();
    }

    /** A result event: its id, kind and references, then the members of its kind as names and values. */
    public static JsonObject event(String id, String kind, String analystReference, String itemReference,
                                   Object... rest) {
        List<Object> members = new ArrayList<>(List.of("eventId", id, "kind", kind, "analystReference",
                analystReference));
        if (itemReference != null) {
            members.addAll(List.of("itemReference", itemReference));
        }
        members.addAll(Arrays.asList(rest));
        return object(members.toArray());
    }
}
