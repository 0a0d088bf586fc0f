package org.reportremove.analysts.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * A queued case message as the analyst side receives it: versioned JSON holding only allowlisted members.
 *
 * <p>The queued message is already limited to what may cross (see {@code CasePackages}); this copy is a second
 * guard: a member added to the queued message later does not leave the service until it is named here and in
 * docs/api-analysts.md.
 */
public final class PublishedPackage {

    /** Raised when the published shape changes incompatibly; additions of optional members keep it. */
    public static final int SCHEMA_VERSION = 1;

    private static final List<String> ITEM_MEMBERS = List.of("itemReference", "contentType", "knownDistance");
    private static final List<String> SIGNAL_MEMBERS = List.of("type", "value", "quality");
    private static final List<String> LOCATION_MEMBERS = List.of("kind", "url", "platform", "name");

    private PublishedPackage() {
    }

    /** The package for the analyst side, from a queued message of the analysts' topic. */
    public static JsonObject of(String packageId, String queuedPayload) {
        JsonObject queued;
        try (JsonReader reader = JSON.createReader(new StringReader(queuedPayload))) {
            queued = reader.readObject();
        }
        String type = queued.getString("type");
        JsonObjectBuilder out = JSON.createObjectBuilder()
                .add("schemaVersion", SCHEMA_VERSION)
                .add("packageId", packageId)
                .add("type", type)
                .add("analystReference", queued.getString("analystReference"))
                .add("hour", queued.getString("hour"));
        if ("CASE_WITHDRAWN".equals(type)) {
            return out.add("itemReferences", strings(queued.getJsonArray("itemReferences"))).build();
        }
        if (MatchDisputes.MATCH_DISPUTED.equals(type)) {
            return out.add("priorityFlags", strings(queued.getJsonArray("priorityFlags")))
                    .add("itemReferences", strings(queued.getJsonArray("itemReferences")))
                    .add("reasonCode", queued.getString("reasonCode")).build();
        }
        out.add("ageBand", queued.getString("ageBand"))
                .add("priorityFlags", strings(queued.getJsonArray("priorityFlags")));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (JsonValue value : queued.getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            JsonObjectBuilder copy = copy(item, ITEM_MEMBERS);
            JsonArrayBuilder signals = JSON.createArrayBuilder();
            item.getJsonArray("signals").forEach(signal -> signals.add(copy(signal.asJsonObject(), SIGNAL_MEMBERS)));
            items.add(copy.add("signals", signals));
        }
        out.add("items", items);
        JsonArrayBuilder locations = JSON.createArrayBuilder();
        if (queued.containsKey("locations")) {
            queued.getJsonArray("locations").forEach(l -> locations.add(copy(l.asJsonObject(), LOCATION_MEMBERS)));
        }
        return out.add("locations", locations).build();
    }

    private static JsonObjectBuilder copy(JsonObject from, List<String> members) {
        JsonObjectBuilder to = JSON.createObjectBuilder();
        members.stream().filter(from::containsKey).forEach(member -> to.add(member, from.get(member)));
        return to;
    }

    private static JsonArrayBuilder strings(JsonArray array) {
        JsonArrayBuilder copy = JSON.createArrayBuilder();
        array.getValuesAs(JsonString.class).forEach(s -> copy.add(s.getString()));
        return copy;
    }
}
