package org.reportremove.analysts.control;

import java.util.List;

/**
 * What a result bundle did.
 *
 * @param acknowledged       exported packages the analyst side confirmed, now released
 * @param unknownAcknowledgements acknowledgements of packages not held (acknowledged before, or never exported)
 * @param results            each result event's outcome, in bundle order
 */
public record ImportReport(String bundleId, int acknowledged, int unknownAcknowledgements, List<EventResult> results) {
}
