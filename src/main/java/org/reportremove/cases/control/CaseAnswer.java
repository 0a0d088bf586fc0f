package org.reportremove.cases.control;

import java.util.List;

/**
 * The answer to a submission or to added items: the case reference, its status, the items just sent and any
 * advice. A retried submission gets this same answer again.
 */
public record CaseAnswer(String reference, String status, List<ItemAnswer> items, List<AdviceNote> advice) {
}
