package org.reportremove.industry.entity;

/** A case's withdrawal took {@code removed} entries out of the feed (none other kept them there). */
public record FeedSignalsWithdrawn(String caseId, int removed) {
}
