package org.reportremove.progress.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.analysts.entity.AssessmentOutcome;
import org.reportremove.analysts.entity.RemovalActionType;
import org.reportremove.cases.entity.ProgressStage;
import org.reportremove.progress.entity.ProgressFacts.ActionFact;
import org.reportremove.progress.entity.ProgressFacts.AssessmentFact;
import org.reportremove.progress.entity.ProgressFacts.ItemFact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.analysts.entity.RemovalActionType.HASH_SHARED;
import static org.reportremove.analysts.entity.RemovalActionType.NOTICE_SENT;
import static org.reportremove.analysts.entity.RemovalActionType.REAPPEARED;
import static org.reportremove.analysts.entity.RemovalActionType.REMOVED;
import static org.reportremove.analysts.entity.RemovalActionType.UPLOADS_BLOCKED;
import static org.reportremove.cases.entity.ProgressStage.ASSESSED;
import static org.reportremove.cases.entity.ProgressStage.BLOCKING_ACTIVE;
import static org.reportremove.cases.entity.ProgressStage.CLOSED;
import static org.reportremove.cases.entity.ProgressStage.RECEIVED;
import static org.reportremove.cases.entity.ProgressStage.REMOVAL_REQUESTED;
import static org.reportremove.cases.entity.ProgressStage.WITHDRAWN;
import static org.reportremove.cases.entity.ProgressStage.WITH_ANALYSTS;

class ProgressRulesTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T09:30:00Z");
    private static final ItemFact ITEM_1 = new ItemFact(1, "AI-ONE", SUBMITTED);
    private static final ItemFact ITEM_2 = new ItemFact(2, "AI-TWO", SUBMITTED);

    @Test
    void aCaseNobodyHasAnsweredYetIsReceived() {
        DerivedProgress progress = ProgressRules.derive(facts().build());

        assertEquals(RECEIVED, progress.stage());
        assertEquals(Set.of(RECEIVED), progress.milestones().keySet());
        assertEquals(SUBMITTED, progress.milestones().get(RECEIVED));
        assertEquals(ProgressCounts.NONE, progress.counts());
        assertEquals(List.of(new ItemProgress(1, RECEIVED, null), new ItemProgress(2, RECEIVED, null)),
                progress.items());
    }

    @Test
    void anAcknowledgedPackageMeansTheCaseIsWithTheAnalysts() {
        DerivedProgress progress = ProgressRules.derive(facts().delivered(day(1)).build());

        assertEquals(WITH_ANALYSTS, progress.stage());
        assertEquals(day(1), progress.milestones().get(WITH_ANALYSTS));
        assertEquals(WITH_ANALYSTS, progress.items().get(0).stage());
    }

    @Test
    void anItemAddedAfterTheLastDeliveryIsNotWithTheAnalystsYet() {
        ItemFact later = new ItemFact(3, "AI-LATER", day(2));
        DerivedProgress progress = ProgressRules.derive(facts().delivered(day(1)).item(later).build());

        assertEquals(new ItemProgress(3, RECEIVED, null), progress.items().get(2));
    }

    @Test
    void anyAssessmentIsAssessedAndTheLatestForAnItemIsItsOutcome() {
        DerivedProgress progress = ProgressRules.derive(facts().delivered(day(1))
                .assessed("a1", ITEM_1, AssessmentOutcome.NOT_FOUND, day(2))
                .assessed("a2", ITEM_1, AssessmentOutcome.ACTIONABLE, day(4))
                .assessed("a3", ITEM_2, AssessmentOutcome.NOT_ACTIONABLE, day(3)).build());

        assertEquals(ASSESSED, progress.stage());
        assertEquals(day(2), progress.milestones().get(ASSESSED), "the first assessment reached it");
        assertEquals(new ItemProgress(1, ASSESSED, AssessmentOutcome.ACTIONABLE), progress.items().get(0));
        assertEquals(new ItemProgress(2, ASSESSED, AssessmentOutcome.NOT_ACTIONABLE), progress.items().get(1));
        assertTrue(progress.anyItemNotActedOn());
    }

    @Test
    void aSharedHashOrBlockedUploadsMeanBlockingIsActive() {
        DerivedProgress shared = ProgressRules.derive(facts().action("s", ITEM_1, HASH_SHARED, null, day(2)).build());
        DerivedProgress blocked = ProgressRules.derive(facts()
                .blocked("b1", "INSTAGRAM", 7, day(3)).blocked("b2", "TIKTOK", 4, day(4))
                .blocked("b3", "INSTAGRAM", 2, day(5)).build());

        assertEquals(BLOCKING_ACTIVE, shared.stage());
        assertEquals(Set.of(RECEIVED, WITH_ANALYSTS, BLOCKING_ACTIVE), shared.milestones().keySet());
        assertEquals(BLOCKING_ACTIVE, blocked.stage());
        assertEquals(new ProgressCounts(0, 0, 0, 2, 13, 0), blocked.counts());
    }

    @Test
    void copiesPlatformsTookDownAreCountedButAreNoPlaceRemoved() {
        DerivedProgress progress = ProgressRules.derive(facts().blocked("b1", "INSTAGRAM", 7, day(3))
                .takenDown("t1", "INSTAGRAM", 3, day(4)).takenDown("t2", "TIKTOK", 2, day(5)).build());

        assertEquals(new ProgressCounts(0, 0, 0, 1, 7, 5), progress.counts());
        assertEquals(BLOCKING_ACTIVE, progress.stage(), "a platform's own take-downs are not a place we were told of");
        assertFalse(progress.milestones().containsKey(ProgressStage.REMOVED));
    }

    @Test
    void aNoticeIsARequestAndRemovalAtEveryPlaceIsRemoved() {
        Facts facts = facts().action("n1", ITEM_1, NOTICE_SENT, "place-1", day(2))
                .action("n2", ITEM_1, NOTICE_SENT, "place-2", day(2));
        assertEquals(REMOVAL_REQUESTED, ProgressRules.derive(facts.build()).stage());

        facts.action("r1", ITEM_1, REMOVED, "place-1", day(3));
        DerivedProgress partly = ProgressRules.derive(facts.build());
        assertEquals(REMOVAL_REQUESTED, partly.stage());
        assertEquals(day(3), partly.milestones().get(ProgressStage.REMOVED), "removed from one place is a milestone");
        assertEquals(new ProgressCounts(2, 1, 0, 0, 0, 0), partly.counts());

        facts.action("r2", ITEM_1, REMOVED, "place-2", day(5));
        DerivedProgress everywhere = ProgressRules.derive(facts.build());
        assertEquals(ProgressStage.REMOVED, everywhere.stage());
        assertEquals(day(3), everywhere.milestones().get(ProgressStage.REMOVED), "a milestone keeps its first day");
        assertEquals(new ProgressCounts(2, 2, 0, 0, 0, 0), everywhere.counts());
    }

    @Test
    void itCameBackAndWasRemovedAgain() {
        Facts facts = facts().action("n", ITEM_1, NOTICE_SENT, "place-1", day(1))
                .action("r1", ITEM_1, REMOVED, "place-1", day(2))
                .action("back", ITEM_1, REAPPEARED, "place-1", day(6));
        DerivedProgress cameBack = ProgressRules.derive(facts.build());
        assertEquals(REMOVAL_REQUESTED, cameBack.stage(), "it is not gone now");
        assertEquals(new ProgressCounts(1, 0, 0, 0, 0, 0), cameBack.counts());
        assertTrue(cameBack.milestones().containsKey(ProgressStage.REMOVED), "but it was removed once");

        facts.action("r2", ITEM_1, REMOVED, "place-1", day(7));
        DerivedProgress again = ProgressRules.derive(facts.build());
        assertEquals(ProgressStage.REMOVED, again.stage());
        assertEquals(new ProgressCounts(1, 1, 1, 0, 0, 0), again.counts());
    }

    @Test
    void theSameRemovalToldTwiceUnderTwoEventIdsCountsThePlaceOnce() {
        DerivedProgress progress = ProgressRules.derive(facts()
                .action("r1", ITEM_1, REMOVED, "place-1", day(2))
                .action("r1-again", ITEM_1, REMOVED, "place-1", day(2)).build());

        assertEquals(new ProgressCounts(1, 1, 0, 0, 0, 0), progress.counts());
    }

    @Test
    void closedAndWithdrawnEndTheCaseButKeepWhatWasReached() {
        Facts facts = facts().delivered(day(1)).assessed("a", ITEM_1, AssessmentOutcome.ACTIONABLE, day(2))
                .closed(day(9));
        assertEquals(CLOSED, ProgressRules.derive(facts.build()).stage());

        DerivedProgress withdrawn = ProgressRules.derive(facts().delivered(day(1))
                .assessed("a", ITEM_1, AssessmentOutcome.ACTIONABLE, day(2)).withdrawn(day(3)).build());
        assertEquals(WITHDRAWN, withdrawn.stage());
        assertEquals(EnumSet.of(RECEIVED, WITH_ANALYSTS, ASSESSED, WITHDRAWN), withdrawn.milestones().keySet());
        assertEquals(WITHDRAWN, withdrawn.items().get(0).stage());
    }

    @Test
    void theAnalystsClockBeforeTheSubmissionCountsAsTheSubmission() {
        DerivedProgress progress = ProgressRules.derive(facts()
                .assessed("a", ITEM_1, AssessmentOutcome.NOT_FOUND, SUBMITTED.minus(Duration.ofHours(3))).build());

        assertEquals(SUBMITTED, progress.milestones().get(ASSESSED));
        assertEquals(SUBMITTED, progress.milestones().get(WITH_ANALYSTS));
    }

    @Test
    void aCaseWideActionMovesTheCaseButNoItem() {
        DerivedProgress progress = ProgressRules.derive(facts().blocked("b", "X", 3, day(2)).build());

        assertEquals(BLOCKING_ACTIVE, progress.stage());
        assertEquals(RECEIVED, progress.items().get(0).stage());
        assertNull(progress.items().get(0).outcome());
    }

    /**
     * The same facts in any order give the same progress, and every milestone reached by some of them is still
     * reached with all of them: so an inbox that writes one message per milestone as events arrive ends with the
     * same messages whatever the order.
     */
    @Test
    void anyOrderOfArrivalGivesTheSameProgressAndMilestonesOnlyEverGrow() {
        List<Fact> all = journey();
        DerivedProgress expected = ProgressRules.derive(Fact.apply(facts(), all).build());
        assertEquals(ProgressStage.REMOVED, expected.stage());
        assertEquals(EnumSet.range(RECEIVED, ProgressStage.REMOVED), expected.milestones().keySet());
        assertEquals(new ProgressCounts(2, 2, 1, 2, 14, 0), expected.counts());

        Random random = new Random(20261130L);
        for (int round = 0; round < 500; round++) {
            List<Fact> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            Set<ProgressStage> written = EnumSet.noneOf(ProgressStage.class);
            Facts arriving = facts();
            for (Fact fact : shuffled) {
                fact.addTo(arriving);
                Set<ProgressStage> reached = ProgressRules.derive(arriving.build()).milestones().keySet();
                written.addAll(reached);
                assertTrue(expected.milestones().keySet().containsAll(reached),
                        "a milestone reached on the way is reached in the end (round " + round + ")");
            }
            assertEquals(expected, ProgressRules.derive(arriving.build()), "round " + round + ": " + shuffled);
            assertEquals(expected.milestones().keySet(), written);
        }
    }

    /** A whole case: delivered, assessed, shared, blocked, noticed at two places, removed, back, removed again. */
    private static List<Fact> journey() {
        return List.of(
                f -> f.delivered(day(1)),
                f -> f.assessed("a1", ITEM_1, AssessmentOutcome.ACTIONABLE, day(2)),
                f -> f.assessed("a2", ITEM_2, AssessmentOutcome.NOT_FOUND, day(2)),
                f -> f.assessed("a3", ITEM_2, AssessmentOutcome.ACTIONABLE, day(3)),
                f -> f.action("s", ITEM_1, HASH_SHARED, null, day(3)),
                f -> f.blocked("b1", "INSTAGRAM", 11, day(4)),
                f -> f.blocked("b2", "TIKTOK", 3, day(4)),
                f -> f.action("n1", ITEM_1, NOTICE_SENT, "place-1", day(3)),
                f -> f.action("n2", ITEM_2, NOTICE_SENT, "place-2", day(3)),
                f -> f.action("r1", ITEM_1, REMOVED, "place-1", day(4)),
                f -> f.action("r2", ITEM_2, REMOVED, "place-2", day(4)),
                f -> f.action("back", ITEM_2, REAPPEARED, "place-2", day(6)),
                f -> f.action("r3", ITEM_2, REMOVED, "place-2", day(8)));
    }

    private static Instant day(int days) {
        return SUBMITTED.plus(Duration.ofDays(days));
    }

    private static Facts facts() {
        return new Facts();
    }

    /** One recorded fact, added to the facts gathered so far. */
    @FunctionalInterface
    private interface Fact {
        void addTo(Facts facts);

        static Facts apply(Facts facts, List<Fact> all) {
            all.forEach(fact -> fact.addTo(facts));
            return facts;
        }
    }

    @Test
    void copiesAPlatformTookDownDoNotMakeTheCaseRemoved() {
        DerivedProgress progress = ProgressRules.derive(facts().action("shared", ITEM_1, HASH_SHARED, null, day(1))
                .action("platform-removed", ITEM_1, REMOVED, null, day(2)).build());

        assertEquals(BLOCKING_ACTIVE, progress.stage());
        assertEquals(Set.of(RECEIVED, WITH_ANALYSTS, BLOCKING_ACTIVE), progress.milestones().keySet());
        assertEquals(ProgressCounts.NONE, progress.counts());
    }

    /** The facts of one case as they arrive. */
    private static final class Facts {
        private final List<ItemFact> items = new ArrayList<>(List.of(ITEM_1, ITEM_2));
        private final List<AssessmentFact> assessments = new ArrayList<>();
        private final List<ActionFact> actions = new ArrayList<>();
        private Instant firstDelivered;
        private Instant lastDelivered;
        private Instant closed;
        private Instant withdrawn;

        Facts item(ItemFact item) {
            items.add(item);
            return this;
        }

        Facts delivered(Instant at) {
            firstDelivered = firstDelivered == null || at.isBefore(firstDelivered) ? at : firstDelivered;
            lastDelivered = lastDelivered == null || at.isAfter(lastDelivered) ? at : lastDelivered;
            return this;
        }

        Facts assessed(String id, ItemFact item, AssessmentOutcome outcome, Instant at) {
            assessments.add(new AssessmentFact(id, item.itemReference(), outcome, at));
            return this;
        }

        Facts action(String id, ItemFact item, RemovalActionType action, String place, Instant at) {
            actions.add(new ActionFact(id, item.itemReference(), action, place, null, 0, at));
            return this;
        }

        Facts blocked(String id, String platform, long count, Instant at) {
            actions.add(new ActionFact(id, null, UPLOADS_BLOCKED, null, platform, count, at));
            return this;
        }

        /** A platform's REMOVED feedback: copies it took down, at no place of the case. */
        Facts takenDown(String id, String platform, long count, Instant at) {
            actions.add(new ActionFact(id, ITEM_1.itemReference(), REMOVED, null, platform, count, at));
            return this;
        }

        Facts closed(Instant at) {
            closed = at;
            return this;
        }

        Facts withdrawn(Instant at) {
            withdrawn = at;
            return this;
        }

        ProgressFacts build() {
            return new ProgressFacts(SUBMITTED, withdrawn, firstDelivered, lastDelivered, closed, items, assessments,
                    actions);
        }
    }
}
