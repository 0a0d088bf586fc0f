package org.reportremove.industry.control;

import org.junit.jupiter.api.Test;
import org.reportremove.industry.entity.FeedbackOutcome;
import org.reportremove.industry.entity.NotBlockedReason;
import org.reportremove.platform.validation.InvalidFields;

import org.reportremove.industry.control.FeedbackChecks.Sent;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackChecksTest {

    private static final String ID = "5f0c2e7a-3b1d-4c8e-9a6f-2d4b8e1c7a90";

    @Test
    void eachOutcomeCarriesWhatBelongsToIt() {
        List<FeedbackEvent> checked = FeedbackChecks.check(List.of(new Sent("a", ID, "MATCHED", 3L, null),
                new Sent("b", ID, "REMOVED", 1L, null), new Sent("c", ID, "NOT_BLOCKED", null, "SUSPECTED_FALSE_MATCH")));
        assertEquals(List.of(new FeedbackEvent("a", ID, FeedbackOutcome.MATCHED, 3, null),
                new FeedbackEvent("b", ID, FeedbackOutcome.REMOVED, 1, null),
                new FeedbackEvent("c", ID, FeedbackOutcome.NOT_BLOCKED, null, NotBlockedReason.SUSPECTED_FALSE_MATCH)),
                checked);
    }

    @Test
    void oneBadEventRefusesTheWholeBatch() {
        InvalidFields refused = assertThrows(InvalidFields.class, () -> FeedbackChecks.check(List.of(
                new Sent("a", ID, "MATCHED", 3L, null), new Sent("b", ID, "MATCHED", 2_000_000_000L, null))));
        assertEquals("events[1].count", refused.errors().get(0).field());
        assertEquals(1, refused.errors().size());
    }
}
