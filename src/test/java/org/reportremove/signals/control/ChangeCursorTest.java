package org.reportremove.signals.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Following the change log: a sequence number that becomes visible after higher ones (its transaction committed
 * later) is still read; one that never does (rolled back) is given up after the grace period, not waited for
 * forever. Times are passed in, so nothing here waits.
 */
class ChangeCursorTest {

    private static final long GRACE = 60_000;

    @Test
    void numbersSeenInOrderLeaveNoGaps() {
        ChangeCursor cursor = new ChangeCursor(10, GRACE);

        cursor.saw(List.of(11L, 12L, 13L), 0);

        assertEquals(13, cursor.highest());
        assertEquals(Set.of(), cursor.gaps());
    }

    @Test
    void aNumberCommittedAfterHigherOnesIsAskedForAgainUntilItShows() {
        ChangeCursor cursor = new ChangeCursor(10, GRACE);

        cursor.saw(List.of(13L, 11L), 0);
        assertEquals(Set.of(12L), cursor.gaps());

        cursor.saw(List.of(), 30_000);
        assertEquals(Set.of(12L), cursor.gaps(), "within the grace period the gap is kept");

        cursor.saw(List.of(12L, 14L), 40_000);
        assertEquals(14, cursor.highest());
        assertEquals(Set.of(), cursor.gaps());
    }

    @Test
    void aGapOlderThanTheGraceIsGivenUp() {
        ChangeCursor cursor = new ChangeCursor(0, GRACE);
        cursor.saw(List.of(3L), 1_000);
        assertEquals(Set.of(1L, 2L), cursor.gaps());

        cursor.saw(List.of(), 1_000 + GRACE + 1);

        assertEquals(Set.of(), cursor.gaps());
        assertEquals(3, cursor.highest());
    }

    @Test
    void aNumberReadTwiceChangesNothing() {
        ChangeCursor cursor = new ChangeCursor(0, GRACE);
        cursor.saw(List.of(1L, 2L), 0);

        cursor.saw(List.of(1L, 2L), 10);

        assertEquals(2, cursor.highest());
        assertEquals(Set.of(), cursor.gaps());
    }

    @Test
    void aHugeJumpKeepsAtMostTheNewestGaps() {
        ChangeCursor cursor = new ChangeCursor(0, GRACE);

        cursor.saw(List.of(1_000_000L), 0);

        assertEquals(ChangeCursor.MAX_GAPS, cursor.gaps().size());
        assertEquals(1_000_000, cursor.highest());
    }
}
