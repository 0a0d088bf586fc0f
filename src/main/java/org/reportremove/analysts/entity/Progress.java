package org.reportremove.analysts.entity;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a young person may know of the analysts' work: a stage and counts ("removed from 3 of 4 places, blocked on
 * 11 platforms"). Never the assessment category, never which item was found or where.
 *
 * @param placesRequested places (locations) where removal was asked for
 * @param placesRemoved   of those, the places where it is removed now (not reappeared since)
 * @param platformsBlocking platforms that reported blocking uploads
 * @param uploadsBlocked  uploads blocked, summed over the reports
 */
public record Progress(ProgressStage stage, int itemsAssessed, int placesRequested, int placesRemoved,
                       int platformsBlocking, long uploadsBlocked) {

    public static final Progress RECEIVED = new Progress(ProgressStage.RECEIVED, 0, 0, 0, 0, 0);

    static Progress of(Collection<Assessment> assessments, Collection<RemovalAction> actions, boolean closed) {
        if (assessments.isEmpty() && actions.isEmpty() && !closed) {
            return RECEIVED;
        }
        Set<String> assessed = new HashSet<>();
        boolean actionable = false;
        for (Assessment assessment : assessments) {
            if (assessment.outcome() != AssessmentOutcome.NOT_FOUND) {
                assessed.add(assessment.itemReference());
            }
            actionable |= assessment.outcome() == AssessmentOutcome.ACTIONABLE;
        }
        // Per place, the latest of REMOVED and REAPPEARED says whether it is gone now.
        Map<String, RemovalAction> latestAtPlace = actions.stream()
                .filter(a -> a.action().atLocation())
                .collect(Collectors.toMap(RemovalAction::locationDigest, Function.identity(),
                        Progress::later));
        int removed = (int) actions.stream()
                .filter(a -> a.action() == RemovalActionType.REMOVED || a.action() == RemovalActionType.REAPPEARED)
                .collect(Collectors.toMap(RemovalAction::locationDigest, Function.identity(), Progress::later))
                .values().stream().filter(a -> a.action() == RemovalActionType.REMOVED).count();
        Set<String> platforms = actions.stream().filter(a -> a.action() == RemovalActionType.UPLOADS_BLOCKED)
                .map(RemovalAction::platform).collect(Collectors.toSet());
        long uploads = actions.stream().filter(a -> a.action() == RemovalActionType.UPLOADS_BLOCKED)
                .mapToLong(RemovalAction::blockedCount).sum();
        boolean blocking = !platforms.isEmpty()
                || actions.stream().anyMatch(a -> a.action() == RemovalActionType.HASH_SHARED);
        int requested = latestAtPlace.size();
        ProgressStage stage;
        if (closed) {
            stage = ProgressStage.CLOSED;
        } else if (requested > 0 && removed == requested) {
            stage = ProgressStage.REMOVED;
        } else if (requested > 0) {
            stage = ProgressStage.REMOVAL_REQUESTED;
        } else if (blocking) {
            stage = ProgressStage.BLOCKING_ACTIVE;
        } else if (actionable || !assessed.isEmpty()) {
            stage = ProgressStage.ASSESSED;
        } else {
            stage = ProgressStage.WITH_ANALYSTS;
        }
        return new Progress(stage, assessed.size(), requested, removed, platforms.size(), uploads);
    }

    private static RemovalAction later(RemovalAction a, RemovalAction b) {
        return Comparator.comparing(RemovalAction::occurredAt).compare(a, b) >= 0 ? a : b;
    }
}
