package org.reportremove.analysts.entity;

import org.reportremove.cases.entity.Progress;
import org.reportremove.cases.entity.ProgressStage;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out a case's {@link Progress} from what the analyst side told: the assessments and removal actions, in
 * whatever order they arrived (by their own times, not arrival).
 */
final class ProgressDerivation {

    private ProgressDerivation() {
    }

    static Progress of(Collection<Assessment> assessments, Collection<RemovalAction> actions, boolean closed) {
        if (assessments.isEmpty() && actions.isEmpty() && !closed) {
            return Progress.RECEIVED;
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
                        ProgressDerivation::later));
        int removed = (int) actions.stream()
                .filter(a -> a.action() == RemovalActionType.REMOVED || a.action() == RemovalActionType.REAPPEARED)
                .collect(Collectors.toMap(RemovalAction::locationDigest, Function.identity(), ProgressDerivation::later))
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
