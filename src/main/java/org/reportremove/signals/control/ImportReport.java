package org.reportremove.signals.control;

import java.util.List;

/**
 * What a bulk import did. Lines that were refused are listed (the first hundred) by line number and reason,
 * never by their content.
 *
 * @param added          signals new to the bank
 * @param alreadyPresent valid signals to add that the bank held already (an import can be run again safely)
 * @param removed        signals taken out of the bank ({@code "action": "REMOVE"} lines)
 * @param alreadyAbsent  valid signals to remove that the bank did not hold
 */
public record ImportReport(String importId, long read, long added, long alreadyPresent, long removed,
                           long alreadyAbsent, long refused, List<RefusedLine> refusedLines) {

    /** A line that was not imported, and why. */
    public record RefusedLine(long line, String reason) {
    }
}
