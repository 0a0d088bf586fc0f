package org.reportremove.cases.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.reportremove.signals.entity.Signal;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One image or video of a case, known only by its signals. The young person sees its number; the analyst side
 * its own reference.
 */
@Entity
@Table(name = "case_item")
public class Item {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    private Case reportCase;

    @Column(name = "item_number", nullable = false)
    private int number;

    @Column(name = "item_reference", nullable = false)
    private String itemReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false)
    private ContentType contentType;

    @Column(name = "already_known", nullable = false)
    private boolean alreadyKnown;

    /** Bits between the item's perceptual signal and the nearest known one: for the analysts, never the young person. */
    @Column(name = "known_distance")
    private Integer knownDistance;

    @Column(name = "found_by_analysts", nullable = false)
    private boolean foundByAnalysts;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_signal", joinColumns = @JoinColumn(name = "item_id"))
    private Set<StoredSignal> signals = new LinkedHashSet<>();

    protected Item() {
    }

    Item(Case reportCase, int number, ItemDraft draft, boolean alreadyKnown, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.reportCase = reportCase;
        this.number = number;
        this.itemReference = ItemReference.generate().value();
        this.contentType = draft.contentType();
        this.alreadyKnown = alreadyKnown;
        this.addedAt = at;
        draft.signals().forEach(signal -> signals.add(new StoredSignal(signal)));
    }

    /** An item the analyst side found at a place the young person named, under the reference it gave. */
    static Item foundByAnalysts(Case reportCase, int number, ItemReference reference, ItemDraft draft,
                                boolean alreadyKnown, OffsetDateTime at) {
        Item item = new Item(reportCase, number, draft, alreadyKnown, at);
        item.itemReference = reference.value();
        item.foundByAnalysts = true;
        return item;
    }

    /** Whether the analyst side found it (the young person never had it, and never sees its signals). */
    public boolean foundByAnalysts() {
        return foundByAnalysts;
    }

    /** Takes in the signals of a draft that turned out to be this same file. */
    void absorb(ItemDraft draft, boolean known) {
        draft.signals().forEach(signal -> signals.add(new StoredSignal(signal)));
        alreadyKnown = alreadyKnown || known;
    }

    public int number() {
        return number;
    }

    public ItemReference itemReference() {
        return new ItemReference(itemReference);
    }

    /** When the item joined its case (with the case, or added later). */
    public OffsetDateTime addedAt() {
        return addedAt;
    }

    public ContentType contentType() {
        return contentType;
    }

    /** Whether the same file is in the bank of known signals (an exact cryptographic match): told to the young person. */
    public boolean alreadyKnown() {
        return alreadyKnown;
    }

    /**
     * A perceptual signal of the item lies this near a known one; the nearest distance seen is kept. Only the analyst
     * package carries it: a near-match is never told to the young person.
     */
    public void nearKnownSignal(int distance) {
        if (distance < 0) {
            throw new IllegalArgumentException("a distance is never negative");
        }
        knownDistance = knownDistance == null ? distance : Math.min(knownDistance, distance);
    }

    /** The distance to the nearest known perceptual signal, if the item near-matches one. */
    public Optional<Integer> knownDistance() {
        return Optional.ofNullable(knownDistance);
    }

    /** In a stable order: by type, then value. */
    public List<Signal> signals() {
        return signals.stream().map(StoredSignal::signal)
                .sorted(Comparator.comparing(Signal::type).thenComparing(Signal::value)).toList();
    }

    boolean sameFileAs(ItemDraft draft) {
        return draft.sameFileAs(Set.copyOf(signals()));
    }
}
