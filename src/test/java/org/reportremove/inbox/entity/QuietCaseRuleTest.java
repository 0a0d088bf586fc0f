package org.reportremove.inbox.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietCaseRuleTest {

    private static final Instant RECEIPT = Instant.parse("2026-11-02T09:30:00Z");

    @Test
    void aCaseQuietForTheConfiguredDaysIsRemindedAndTheReminderStartsTheWaitAgain() {
        QuietCaseRule rule = QuietCaseRule.days(14);

        assertFalse(rule.due(RECEIPT, RECEIPT.plus(Duration.ofDays(13))));
        assertFalse(rule.due(RECEIPT, RECEIPT.plus(Duration.ofDays(14)).minusSeconds(1)));
        assertTrue(rule.due(RECEIPT, RECEIPT.plus(Duration.ofDays(14))));

        Instant reminded = RECEIPT.plus(Duration.ofDays(15));
        assertFalse(rule.due(reminded, reminded.plus(Duration.ofDays(10))), "a reminder is something written");
        assertTrue(rule.due(reminded, reminded.plus(Duration.ofDays(14))));
    }

    @Test
    void somethingWrittenMeanwhileMovesTheReminderOn() {
        QuietCaseRule rule = QuietCaseRule.days(7);
        Instant now = RECEIPT.plus(Duration.ofDays(8));

        assertTrue(rule.due(RECEIPT, now));
        assertFalse(rule.due(RECEIPT.plus(Duration.ofDays(5)), now), "a milestone on day 5 was news");
        assertEquals(now.minus(Duration.ofDays(7)), rule.quietSince(now));
    }

    @Test
    void aCaseMustBeQuietForSomeTime() {
        assertThrows(IllegalArgumentException.class, () -> QuietCaseRule.days(0));
    }
}
