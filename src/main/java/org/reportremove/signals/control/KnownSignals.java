package org.reportremove.signals.control;

import org.reportremove.signals.entity.Signal;

import java.util.Collection;
import java.util.Set;

/**
 * The one question asked of the bank of known signals: which of these signals are already known? Each
 * {@link org.reportremove.signals.entity.SignalType} says how it matches: exact kinds by value, perceptual kinds
 * within their distance, and only between signals of reliable quality on both sides. Kept behind this interface so
 * that a faster index can replace the scan without touching callers.
 */
public interface KnownSignals {

    /** The given signals that match the bank. Runs in the caller's transaction, if any. */
    Set<Signal> known(Collection<Signal> signals);
}
