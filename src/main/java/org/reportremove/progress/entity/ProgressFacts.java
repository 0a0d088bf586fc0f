package org.reportremove.progress.entity;

import org.reportremove.analysts.entity.AssessmentOutcome;
import org.reportremove.analysts.entity.RemovalActionType;

import java.time.Instant;
import java.util.List;

/**
 * Everything recorded about one case that its progress depends on, read from the cases and the analyst exchange.
 * Holds no category, no hash, no place in the clear: places are known only by a digest, so the derivation can
 * match actions on the same place without knowing it.
 *
 * @param submittedAt     when the case was submitted
 * @param withdrawnAt     when the young person withdrew it, or null
 * @param firstDeliveredAt when the analyst side first acknowledged a package of the case, or null
 * @param lastDeliveredAt when it last did (items added before then are with the analysts), or null
 * @param closedAt        when the analyst side closed its work on the case, or null
 */
public record ProgressFacts(Instant submittedAt, Instant withdrawnAt, Instant firstDeliveredAt,
                            Instant lastDeliveredAt, Instant closedAt, List<ItemFact> items,
                            List<AssessmentFact> assessments, List<ActionFact> actions) {

    public ProgressFacts {
        items = List.copyOf(items);
        assessments = List.copyOf(assessments);
        actions = List.copyOf(actions);
    }

    /**
     * An item of the case: the number its owner knows it by, the reference the analysts know it by, and whether the
     * analysts found it (at a place the young person named) rather than the young person sending it.
     */
    public record ItemFact(int number, String itemReference, Instant addedAt, boolean foundByAnalysts) {

        public ItemFact(int number, String itemReference, Instant addedAt) {
            this(number, itemReference, addedAt, false);
        }
    }

    /** An assessment of an item: only whether it can be acted on, never the category. */
    public record AssessmentFact(String eventId, String itemReference, AssessmentOutcome outcome, Instant at) {
    }

    /**
     * A removal action. {@code itemReference} may be null (an action on the case as a whole); {@code placeDigest}
     * is set for actions at a place.
     */
    public record ActionFact(String eventId, String itemReference, RemovalActionType action, String placeDigest,
                             String platform, long blockedCount, Instant at) {
    }
}
