package org.reportremove.cases.entity;

import org.reportremove.signals.entity.Signal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An item as submitted, after validation, before it joins a case. Drafts that share an exact signal are the same
 * file sent twice, and are {@link #merge merged}.
 *
 * @param from the positions in the request that this draft stands for
 */
public record ItemDraft(ContentType contentType, Set<Signal> signals, List<Integer> from) {

    public ItemDraft {
        signals = Set.copyOf(signals);
        from = List.copyOf(from);
    }

    /** Whether the two share a SHA-256 or MD5 value (so they are the same file). */
    public boolean sameFileAs(Set<Signal> others) {
        return signals.stream().filter(s -> s.type().exact()).anyMatch(others::contains);
    }

    /**
     * Merges drafts that are the same file (directly or through a chain), keeping the first one's place and
     * content type, and the union of signals. Not an error: an app retrying or a young person picking a file
     * twice should not have to care.
     */
    public static List<ItemDraft> merge(List<ItemDraft> drafts) {
        List<ItemDraft> merged = new ArrayList<>();
        for (ItemDraft draft : drafts) {
            ItemDraft current = draft;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < merged.size(); i++) {
                    ItemDraft earlier = merged.get(i);
                    if (earlier.sameFileAs(current.signals)) {
                        merged.remove(i);
                        current = earlier.with(current);
                        changed = true;
                        break;
                    }
                }
            }
            insertInOrder(merged, current);
        }
        return merged;
    }

    private ItemDraft with(ItemDraft other) {
        Set<Signal> union = new LinkedHashSet<>(signals);
        union.addAll(other.signals);
        List<Integer> positions = new ArrayList<>(from);
        positions.addAll(other.from);
        positions.sort(null);
        return new ItemDraft(contentType, union, positions);
    }

    private static void insertInOrder(List<ItemDraft> merged, ItemDraft draft) {
        int at = 0;
        while (at < merged.size() && merged.get(at).from.get(0) < draft.from.get(0)) {
            at++;
        }
        merged.add(at, draft);
    }
}
