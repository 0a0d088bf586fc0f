package org.reportremove.progress.entity;

import org.reportremove.cases.entity.Progress;
import org.reportremove.cases.entity.ProgressStage;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A case's progress as derived from its facts: the stage it is at now, each milestone it ever reached with the
 * first time it did, the counts, and each item's own stage.
 */
public record DerivedProgress(ProgressStage stage, Map<ProgressStage, Instant> milestones, ProgressCounts counts,
                              List<ItemProgress> items) {

    public DerivedProgress {
        milestones = Collections.unmodifiableMap(new EnumMap<>(milestones));
        items = List.copyOf(items);
    }

    /** Whether the young person should hear what they can still do: an item the analysts could not act on. */
    public boolean anyItemNotActedOn() {
        return items.stream().anyMatch(ItemProgress::notActedOn);
    }

    /** The short form the case view shows. */
    public Progress summary() {
        return new Progress(stage, counts.placesReported(), counts.placesRemoved(), counts.placesRemovedAgain(),
                counts.platformsBlocking(), counts.uploadsBlocked(), counts.copiesTakenDown());
    }
}
