package org.reportremove.progress.entity;

import org.reportremove.analysts.entity.RemovalActionType;
import org.reportremove.cases.entity.ProgressStage;
import org.reportremove.progress.entity.ProgressFacts.ActionFact;
import org.reportremove.progress.entity.ProgressFacts.AssessmentFact;
import org.reportremove.progress.entity.ProgressFacts.ItemFact;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Derives a case's progress from its facts. Facts arrive from the analyst side in any order, more than once, and
 * with their own times: everything here is worked out from the facts' own times (ties broken by the kind of action,
 * then the event id), so the same facts in any order give the same progress.
 *
 * <p>Milestones are reached once and stay reached: the first time each became true. The stage is where the case is
 * now: a place where it came back after removal pulls a case from {@code REMOVED} back to {@code REMOVAL_REQUESTED}.
 * Times from the analyst side before the submission (their clock may run ahead or behind) count as the submission.
 */
public final class ProgressRules {

    /** Per place, the latest of these decides whether it is gone now. */
    private static final Comparator<ActionFact> IN_ORDER = Comparator.comparing(ActionFact::at)
            .thenComparing(ActionFact::action).thenComparing(ActionFact::eventId);

    private ProgressRules() {
    }

    public static DerivedProgress derive(ProgressFacts facts) {
        Map<ProgressStage, Instant> milestones = milestones(facts);
        ProgressCounts counts = counts(facts.actions());
        ProgressStage stage = stage(facts, milestones.containsKey(ProgressStage.WITH_ANALYSTS),
                !facts.assessments().isEmpty(), facts.actions(), counts);
        List<ItemProgress> items = facts.items().stream()
                .sorted(Comparator.comparingInt(ItemFact::number))
                .map(item -> itemProgress(facts, item)).toList();
        return new DerivedProgress(stage, milestones, counts, items);
    }

    private static Map<ProgressStage, Instant> milestones(ProgressFacts facts) {
        Instant received = facts.submittedAt();
        Map<ProgressStage, Instant> reached = new EnumMap<>(ProgressStage.class);
        reached.put(ProgressStage.RECEIVED, received);
        Stream.of(Optional.ofNullable(facts.firstDeliveredAt()),
                        facts.assessments().stream().map(AssessmentFact::at).min(Comparator.naturalOrder()),
                        facts.actions().stream().map(ActionFact::at).min(Comparator.naturalOrder()),
                        Optional.ofNullable(facts.closedAt()))
                .flatMap(Optional::stream).min(Comparator.naturalOrder())
                .ifPresent(at -> reached.put(ProgressStage.WITH_ANALYSTS, at));
        facts.assessments().stream().map(AssessmentFact::at).min(Comparator.naturalOrder())
                .ifPresent(at -> reached.put(ProgressStage.ASSESSED, at));
        firstOf(facts.actions(), a -> a.action() == RemovalActionType.HASH_SHARED
                || a.action() == RemovalActionType.UPLOADS_BLOCKED)
                .ifPresent(at -> reached.put(ProgressStage.BLOCKING_ACTIVE, at));
        firstOf(facts.actions(), a -> a.action() == RemovalActionType.NOTICE_SENT)
                .ifPresent(at -> reached.put(ProgressStage.REMOVAL_REQUESTED, at));
        // Copies a platform took down are not a place the young person told us of: they do not make it "removed".
        firstOf(facts.actions(), a -> a.action() == RemovalActionType.REMOVED && a.placeDigest() != null)
                .ifPresent(at -> reached.put(ProgressStage.REMOVED, at));
        Optional.ofNullable(facts.closedAt()).ifPresent(at -> reached.put(ProgressStage.CLOSED, at));
        Optional.ofNullable(facts.withdrawnAt()).ifPresent(at -> reached.put(ProgressStage.WITHDRAWN, at));
        reached.replaceAll((milestone, at) -> at.isBefore(received) ? received : at);
        return reached;
    }

    private static Optional<Instant> firstOf(List<ActionFact> actions, Predicate<ActionFact> kind) {
        return actions.stream().filter(kind).map(ActionFact::at).min(Comparator.naturalOrder());
    }

    static ProgressCounts counts(List<ActionFact> actions) {
        Map<String, List<ActionFact>> byPlace = actions.stream()
                .filter(a -> a.action().atLocation() && a.placeDigest() != null)
                .collect(Collectors.groupingBy(ActionFact::placeDigest));
        int removed = 0;
        int removedAgain = 0;
        for (List<ActionFact> atPlace : byPlace.values()) {
            List<RemovalActionType> history = atPlace.stream().sorted(IN_ORDER).map(ActionFact::action)
                    .filter(a -> a == RemovalActionType.REMOVED || a == RemovalActionType.REAPPEARED).toList();
            if (!history.isEmpty() && history.get(history.size() - 1) == RemovalActionType.REMOVED) {
                removed++;
            }
            int cameBack = history.indexOf(RemovalActionType.REAPPEARED);
            if (cameBack >= 0 && history.subList(cameBack, history.size()).contains(RemovalActionType.REMOVED)) {
                removedAgain++;
            }
        }
        List<ActionFact> blocked = actions.stream()
                .filter(a -> a.action() == RemovalActionType.UPLOADS_BLOCKED).toList();
        int platforms = (int) blocked.stream().map(ActionFact::platform).filter(Objects::nonNull).distinct().count();
        long uploads = blocked.stream().mapToLong(ActionFact::blockedCount).sum();
        // A platform's REMOVED feedback names no place: its count is of copies it found and took down itself.
        long takenDown = actions.stream().filter(a -> a.action() == RemovalActionType.REMOVED
                && a.placeDigest() == null && a.platform() != null).mapToLong(ActionFact::blockedCount).sum();
        return new ProgressCounts(byPlace.size(), removed, removedAgain, platforms, uploads, takenDown);
    }

    private static ProgressStage stage(ProgressFacts facts, boolean withAnalysts, boolean assessed,
                                       List<ActionFact> actions, ProgressCounts counts) {
        if (facts.withdrawnAt() != null) {
            return ProgressStage.WITHDRAWN;
        }
        if (facts.closedAt() != null) {
            return ProgressStage.CLOSED;
        }
        if (counts.placesReported() > 0) {
            return counts.placesRemoved() == counts.placesReported() ? ProgressStage.REMOVED
                    : ProgressStage.REMOVAL_REQUESTED;
        }
        if (actions.stream().anyMatch(a -> a.action() == RemovalActionType.HASH_SHARED
                || a.action() == RemovalActionType.UPLOADS_BLOCKED)) {
            return ProgressStage.BLOCKING_ACTIVE;
        }
        if (assessed) {
            return ProgressStage.ASSESSED;
        }
        return withAnalysts ? ProgressStage.WITH_ANALYSTS : ProgressStage.RECEIVED;
    }

    /** An item's stage by the same rules, from its own assessments and the actions that name it. */
    private static ItemProgress itemProgress(ProgressFacts facts, ItemFact item) {
        String reference = item.itemReference();
        List<AssessmentFact> assessments = facts.assessments().stream()
                .filter(a -> reference.equals(a.itemReference())).toList();
        List<ActionFact> actions = facts.actions().stream().filter(a -> reference.equals(a.itemReference())).toList();
        boolean withAnalysts = !assessments.isEmpty() || !actions.isEmpty()
                || (facts.lastDeliveredAt() != null && !item.addedAt().isAfter(facts.lastDeliveredAt()));
        ProgressStage stage = stage(facts, withAnalysts, !assessments.isEmpty(), actions, counts(actions));
        AssessmentFact latest = assessments.stream().max(Comparator.comparing(AssessmentFact::at)
                .thenComparing(AssessmentFact::eventId)).orElse(null);
        return new ItemProgress(item.number(), stage, latest == null ? null : latest.outcome(),
                item.foundByAnalysts());
    }
}
