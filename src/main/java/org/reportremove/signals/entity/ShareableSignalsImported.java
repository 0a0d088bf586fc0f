package org.reportremove.signals.entity;

import java.util.List;

/**
 * A batch of an operator's import committed: the signals it flagged as shareable on a hash list (every valid one
 * to add, whether new to the bank or not, so an import run again shares what a cut-off run did not), and the
 * signals it removed from the bank, which leave whatever list an import shared them on. Fired after the batch's
 * own commit, for the industry feed, which applies it idempotently.
 *
 * @param listName the list the import shares on, or null when it shares nothing
 * @param shared   the signals to share (empty when {@code listName} is null)
 * @param removed  the signals the batch removed, by type and value
 */
public record ShareableSignalsImported(String listName, List<Signal> shared, List<Removed> removed) {

    public ShareableSignalsImported {
        shared = List.copyOf(shared);
        removed = List.copyOf(removed);
    }

    /** A signal taken out, by type and value (a removal carries no quality). */
    public record Removed(SignalType type, String value) {
    }
}
