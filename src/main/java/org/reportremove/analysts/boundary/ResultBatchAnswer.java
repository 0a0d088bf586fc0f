package org.reportremove.analysts.boundary;

import org.reportremove.analysts.control.EventResult;

import java.util.List;

/**
 * What became of each event of a batch, in the order sent, with the totals.
 */
public record ResultBatchAnswer(long applied, long duplicate, long ignored, long rejected, List<EventResult> results) {

    static ResultBatchAnswer of(List<EventResult> results) {
        return new ResultBatchAnswer(count(results, EventResult.APPLIED), count(results, EventResult.DUPLICATE),
                count(results, EventResult.IGNORED), count(results, EventResult.REJECTED), results);
    }

    private static long count(List<EventResult> results, String status) {
        return results.stream().filter(r -> r.status().equals(status)).count();
    }
}
