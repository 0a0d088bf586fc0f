package org.reportremove.industry.control;

/**
 * One piece of feedback as a platform sent it, already checked: its own event id, the feed id it is about, the
 * outcome, a count (for {@code MATCHED} and {@code REMOVED}) or a reason (for {@code NOT_BLOCKED}).
 */
public record FeedbackEvent(String eventId, String id, org.reportremove.industry.entity.FeedbackOutcome outcome,
                            Integer count, org.reportremove.industry.entity.NotBlockedReason reason) {
}
