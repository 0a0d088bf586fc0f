package org.reportremove.cases.control;

/**
 * What became of submitted items: the item's number in the case, and whether it is already known (and so
 * already being blocked).
 *
 * @param from the positions in the request's {@code items} that are this item (more than one when the same file
 *             was sent twice)
 */
public record ItemAnswer(int number, String contentType, boolean alreadyKnown, java.util.List<Integer> from) {
}
