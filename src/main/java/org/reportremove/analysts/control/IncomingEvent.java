package org.reportremove.analysts.control;

import java.util.List;

/**
 * A result event as the analyst side sent it (online or in a bundle line), not yet checked. Every member is
 * optional here: one malformed event is rejected on its own, never the batch around it. (One constructor only:
 * JSON-B binds a record through it.)
 */
public record IncomingEvent(String eventId, String kind, String analystReference, String itemReference,
                            String outcome, String category, String reasonCode, String action, String listName,
                            String location, String platform, Long count, String at, String contentType,
                            List<IncomingSignal> signals) {

    /** A signal of an item the analyst side found, as sent. */
    public record IncomingSignal(String type, String value, Integer quality) {
    }
}
