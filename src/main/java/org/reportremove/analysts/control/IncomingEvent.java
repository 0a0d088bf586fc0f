package org.reportremove.analysts.control;

/**
 * A result event as the analyst side sent it (online or in a bundle line), not yet checked. Every member is
 * optional here: one malformed event is rejected on its own, never the batch around it.
 */
public record IncomingEvent(String eventId, String kind, String analystReference, String itemReference,
                            String outcome, String category, String reasonCode, String action, String listName,
                            String location, String platform, Long count, String at) {
}
