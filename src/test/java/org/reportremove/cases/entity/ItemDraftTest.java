package org.reportremove.cases.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ItemDraftTest {

    private static final Signal SHA_A = Signal.exact(SignalType.SHA256, "a".repeat(63) + "1");
    private static final Signal MD5_A = Signal.exact(SignalType.MD5, "a".repeat(31) + "1");
    private static final Signal SHA_B = Signal.exact(SignalType.SHA256, "b".repeat(63) + "1");
    private static final Signal PDQ_B = Signal.pdq("b".repeat(63) + "2", 90);

    @Test
    void theSameFileSentTwiceBecomesOneItemWithEverySignal() {
        List<ItemDraft> merged = ItemDraft.merge(List.of(
                new ItemDraft(ContentType.PHOTO, Set.of(SHA_A), List.of(0)),
                new ItemDraft(ContentType.PHOTO, Set.of(SHA_B, PDQ_B), List.of(1)),
                new ItemDraft(ContentType.PHOTO, Set.of(SHA_A, MD5_A), List.of(2))));

        assertEquals(2, merged.size());
        assertEquals(List.of(0, 2), merged.get(0).from());
        assertEquals(Set.of(SHA_A, MD5_A), merged.get(0).signals());
        assertEquals(List.of(1), merged.get(1).from());
    }

    @Test
    void itemsJoinedThroughAChainOfSharedSignalsAreOne() {
        List<ItemDraft> merged = ItemDraft.merge(List.of(
                new ItemDraft(ContentType.VIDEO, Set.of(SHA_A), List.of(0)),
                new ItemDraft(ContentType.VIDEO, Set.of(MD5_A), List.of(1)),
                new ItemDraft(ContentType.VIDEO, Set.of(SHA_A, MD5_A), List.of(2))));

        assertEquals(1, merged.size());
        assertEquals(List.of(0, 1, 2), merged.get(0).from());
    }

    @Test
    void aSharedPdqAloneDoesNotMakeTwoFilesOne() {
        Signal pdq = Signal.pdq("c".repeat(63) + "1", 90);
        assertEquals(2, ItemDraft.merge(List.of(
                new ItemDraft(ContentType.PHOTO, Set.of(SHA_A, pdq), List.of(0)),
                new ItemDraft(ContentType.PHOTO, Set.of(SHA_B, pdq), List.of(1)))).size());
    }
}
