package org.reportremove.signals.control;

import org.reportremove.signals.entity.Signal;

import java.util.Collection;

/**
 * The one question asked of the bank of known signals: which of these signals are already known, and how? Each
 * {@link org.reportremove.signals.entity.SignalType} says how it matches: exact kinds by value, perceptual kinds
 * within their distance, and only between signals of reliable quality on both sides. The answer keeps exact matches
 * apart from near-matches ({@link KnownMatches}), because only the first may be told to a young person.
 */
public interface KnownSignals {

    /** How the given signals match the bank. */
    KnownMatches known(Collection<Signal> signals);
}
