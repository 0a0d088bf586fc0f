package org.reportremove.industry.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.industry.control.FeedbackChecks;

import java.util.List;

/** Up to 1,000 pieces of feedback; they are checked together in {@code FeedbackChecks}. */
public record FeedbackRequest(@NotNull(message = "is required: 1 to 1,000 events") List<FeedbackChecks.Sent> events) {
}
