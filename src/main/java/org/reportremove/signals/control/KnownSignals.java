package org.reportremove.signals.control;

import org.reportremove.signals.entity.Signal;

import java.util.Collection;
import java.util.Set;

/**
 * The one question asked of the bank of known signals: which of these signals are already known? Exact types
 * match by value; PDQ matches within {@link Signal#PDQ_MATCH_DISTANCE} bits, and only between signals of quality
 * {@link Signal#RELIABLE_PDQ_QUALITY} or more on both sides. Kept behind this interface so that a faster index
 * can replace the scan without touching callers.
 */
public interface KnownSignals {

    /** The given signals that match the bank. Runs in the caller's transaction, if any. */
    Set<Signal> known(Collection<Signal> signals);
}
