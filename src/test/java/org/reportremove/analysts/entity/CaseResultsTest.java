package org.reportremove.analysts.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.cases.entity.Progress;
import org.reportremove.cases.entity.ProgressStage;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseResultsTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2025-05-01T08:00:00Z");

    @Test
    void aCaseNobodyHasAnsweredYetIsReceived() {
        assertEquals(Progress.RECEIVED, CaseResults.startFor("case").progress());
    }

    @Test
    void nothingFoundYetMeansItIsWithTheAnalysts() {
        CaseResults results = CaseResults.startFor("case");
        results.recordAssessment("e1", new Assessment.Finding("AI-1", AssessmentOutcome.NOT_FOUND, null, null, T));

        assertEquals(new Progress(ProgressStage.WITH_ANALYSTS, 0, 0, 0, 0, 0), results.progress());
    }

    @Test
    void removalsCountPlacesByTheirLatestStateWhateverOrderTheyArrivedIn() {
        CaseResults results = CaseResults.startFor("case");
        results.recordAssessment("e1", new Assessment.Finding("AI-1", AssessmentOutcome.ACTIONABLE,
                AssessmentCategory.B, null, T));
        results.recordRemoval("e2", atPlace(RemovalActionType.REMOVED, "place-1", T.plusDays(2)));
        results.recordRemoval("e3", atPlace(RemovalActionType.NOTICE_SENT, "place-1", T.plusDays(1)));
        results.recordRemoval("e4", atPlace(RemovalActionType.NOTICE_SENT, "place-2", T.plusDays(1)));
        results.recordRemoval("e5", blocked("INSTAGRAM", 7));
        results.recordRemoval("e6", blocked("TIKTOK", 4));

        assertEquals(new Progress(ProgressStage.REMOVAL_REQUESTED, 1, 2, 1, 2, 11), results.progress());

        results.recordRemoval("e7", atPlace(RemovalActionType.REMOVED, "place-2", T.plusDays(3)));
        assertEquals(ProgressStage.REMOVED, results.progress().stage());
        results.recordRemoval("e8", atPlace(RemovalActionType.REAPPEARED, "place-2", T.plusDays(4)));
        assertEquals(new Progress(ProgressStage.REMOVAL_REQUESTED, 1, 2, 1, 2, 11), results.progress());
        results.close(T.plusDays(5));
        assertEquals(ProgressStage.CLOSED, results.progress().stage());
    }

    @Test
    void aSharedHashMeansBlockingIsActive() {
        CaseResults results = CaseResults.startFor("case");
        results.recordRemoval("e1", new RemovalAction.Step(UUID.randomUUID().toString(), null,
                RemovalActionType.HASH_SHARED, "industry-list", null, null, null, null, T));

        assertEquals(ProgressStage.BLOCKING_ACTIVE, results.progress().stage());
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

    private static RemovalAction.Step blocked(String platform, int count) {
        return new RemovalAction.Step(UUID.randomUUID().toString(), null, RemovalActionType.UPLOADS_BLOCKED, null, null,
                null, platform, count, T);
    }
}
