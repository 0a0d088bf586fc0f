package org.reportremove.industry.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.reportremove.industry.entity.FeedChange;

import java.util.Locale;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * One signal of the feed as a platform reads it, the same in a snapshot line and in a page of changes: {@code id},
 * {@code signal_type}, {@code signal_value}, {@code change} ({@code added} or {@code removed}) and {@code day}.
 */
final class FeedLines {

    private FeedLines() {
    }

    static JsonObject of(FeedChange change) {
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("id", change.id())
                .add("signal_type", change.signalType())
                .add("signal_value", change.signalValue())
                .add("change", change.kind().name().toLowerCase(Locale.ROOT))
                .add("day", change.day().toString());
        return line.build();
    }

    /**
     * The same line written by hand, for snapshots of millions: every value is a feed id, a type name, lower-case
     * hex or a date, none of which needs escaping.
     */
    static void append(StringBuilder out, FeedChange change) {
        out.append("{\"id\":\"").append(change.id())
                .append("\",\"signal_type\":\"").append(change.signalType())
                .append("\",\"signal_value\":\"").append(change.signalValue())
                .append("\",\"change\":\"").append(change.kind() == FeedChange.Kind.ADDED ? "added" : "removed")
                .append("\",\"day\":\"").append(change.day()).append("\"}\n");
    }
}
