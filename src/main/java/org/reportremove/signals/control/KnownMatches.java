package org.reportremove.signals.control;

import org.reportremove.signals.entity.Signal;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the bank said about some signals, kept apart by kind because the two kinds may be told to different people:
 * an exact match of a cryptographic hash (the same file is known) may be told to the young person; a perceptual
 * near-match, with its distance, is for the analysts only (telling it item by item would let anyone probe how far an
 * image must be changed to escape the list).
 *
 * @param exact signals of an exact kind whose value the bank holds
 * @param near  reliable perceptual signals within their kind's distance of a reliable bank value, with the distance to
 *              the nearest
 */
public record KnownMatches(Set<Signal> exact, Map<Signal, Integer> near) {

    public KnownMatches {
        exact = Set.copyOf(exact);
        near = Map.copyOf(near);
    }

    /** Whether any of the signals (one item's, say) is an exact match. */
    public boolean anyExact(Collection<Signal> signals) {
        return signals.stream().anyMatch(exact::contains);
    }

    /** The smallest distance at which any of the signals near-matches the bank, if one does. */
    public OptionalInt nearest(Collection<Signal> signals) {
        return signals.stream().filter(near::containsKey).mapToInt(near::get).min();
    }
}
