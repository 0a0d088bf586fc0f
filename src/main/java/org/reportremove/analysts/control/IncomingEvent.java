package org.reportremove.analysts.control;

import java.util.List;

/**
 * A result event as the analyst side sent it (online or in a bundle line), not yet checked. Every member is
 * optional here: one malformed event is rejected on its own, never the batch around it.
 */
public record IncomingEvent(String eventId, String kind, String analystReference, String itemReference,
                            String outcome, String category, String reasonCode, String action, String listName,
                            String location, String platform, Long count, String at, String contentType,
                            List<IncomingSignal> signals) {

    /** An event of a kind that carries no item of its own. */
    public IncomingEvent(String eventId, String kind, String analystReference, String itemReference, String outcome,
                         String category, String reasonCode, String action, String listName, String location,
                         String platform, Long count, String at) {
        this(eventId, kind, analystReference, itemReference, outcome, category, reasonCode, action, listName,
                location, platform, count, at, null, null);
    }

    /** A signal of an item the analyst side found, as sent. */
    public record IncomingSignal(String type, String value, Integer quality) {
    }
}
