package org.reportremove.analysts.entity;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseResultsTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2025-05-01T08:00:00Z");

    @Test
    void keepsEveryFindingAndStepAndTheFirstClosure() {
        CaseResults results = CaseResults.startFor("case");
        results.recordAssessment("e1", new Assessment.Finding("AI-1", AssessmentOutcome.NOT_FOUND, null, null, T));
        results.recordRemoval("e2", atPlace(RemovalActionType.NOTICE_SENT, "place-1", T.plusDays(1)));
        results.close(T.plusDays(3));
        results.close(T.plusDays(2));
        results.close(T.plusDays(4));

        assertEquals(List.of("e1"), results.assessments().stream().map(Assessment::eventId).toList());
        assertEquals(List.of("e2"), results.removalActions().stream().map(RemovalAction::eventId).toList());
        assertEquals("AI-1", results.removalActions().get(0).itemReference());
        assertEquals(T.plusDays(2), results.closedAt(), "a later close keeps the first time");
    }

    @Test
    void aFindingCarriesACategoryExactlyWhenActionableAndAReasonExactlyWhenNot() {
        assertThrows(IllegalArgumentException.class, () -> new Assessment.Finding("AI-1",
                AssessmentOutcome.ACTIONABLE, null, null, T));
        assertThrows(IllegalArgumentException.class, () -> new Assessment.Finding("AI-1",
                AssessmentOutcome.NOT_FOUND, AssessmentCategory.A, null, T));
        assertThrows(IllegalArgumentException.class, () -> new Assessment.Finding("AI-1",
                AssessmentOutcome.NOT_ACTIONABLE, null, null, T));
    }

    private static RemovalAction.Step atPlace(RemovalActionType action, String place, OffsetDateTime at) {
        return new RemovalAction.Step(UUID.randomUUID().toString(), "AI-1", action, null, new byte[1], place, null,
                null, at);
    }
}
