package org.reportremove.industry.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.industry.entity.BatchRelease.Due;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchReleaseTest {

    private static final Instant HOUR = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aBatchOfOneCaseIsHeldBackUntilAnotherCaseJoinsIt() {
        List<Due> alone = List.of(due("f1", "case-a", HOUR), due("f2", "case-a", HOUR));

        assertEquals(List.of(), BatchRelease.of(alone, HOUR.plusSeconds(3720), DAY), "published alone, they would"
                + " say they belong together");
        assertEquals(List.of(), BatchRelease.of(alone, HOUR.plus(DAY).minusSeconds(1), DAY));

        List<Due> joined = List.of(due("f1", "case-a", HOUR), due("f2", "case-a", HOUR),
                due("f3", "case-b", HOUR.plusSeconds(3600)));
        assertEquals(joined, BatchRelease.of(joined, HOUR.plusSeconds(7320), DAY), "the next hour's case joins them");
    }

    @Test
    void aBatchOfOneCaseIsPublishedAloneOnceItHasWaitedTheLongestAllowed() {
        List<Due> alone = List.of(due("f1", "case-a", HOUR), due("f2", "case-a", HOUR.plusSeconds(3600)));

        assertEquals(alone, BatchRelease.of(alone, HOUR.plus(DAY), DAY), "counted from its oldest entry");
        assertEquals(List.of(), BatchRelease.of(alone, HOUR.plus(DAY), DAY.plusHours(1)));
    }

    @Test
    void aBatchOfSeveralCasesOrNoneIsPublishedAsItIs() {
        List<Due> two = List.of(due("f1", "case-a", HOUR), due("f2", "case-b", HOUR));

        assertEquals(two, BatchRelease.of(two, HOUR.plusSeconds(3720), DAY));
        assertEquals(List.of(), BatchRelease.of(List.of(), HOUR, DAY));
    }

    private static Due due(String feedId, String group, Instant hour) {
        return new Due(feedId, group, hour);
    }
}
