package org.reportremove.analysts.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.reportremove.cases.entity.AnalystReference;
import org.reportremove.cases.entity.ItemReference;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The analyst exchange's own record of a case it handed over: which analyst reference stands for which case,
 * which item references went with it, and whether the case is still open. Result events are checked against this
 * record, so the exchange never reaches into the young people's cases.
 *
 * <p>Life cycle: {@link #handedOver} when the case is submitted; {@link #itemsAdded} as items follow, each package
 * counted ({@link #packageQueued}); {@link #delivered} as the analyst side acknowledges them; {@link #withdrawn}
 * when the young person withdraws it. Erased with its case.
 */
@Entity
@Table(name = "analyst_case")
public class AnalystCase {

    @Id
    @Column(name = "analyst_reference")
    private String analystReference;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "case_open", nullable = false)
    private boolean open;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "analyst_case_item", joinColumns = @JoinColumn(name = "analyst_reference"))
    @Column(name = "item_reference")
    private Set<String> itemReferences = new LinkedHashSet<>();

    @Column(name = "packages_queued")
    private Integer packagesQueued;

    @Column(name = "first_delivered_at")
    private OffsetDateTime firstDeliveredAt;

    @Column(name = "last_delivered_at")
    private OffsetDateTime lastDeliveredAt;

    @Version
    private long version;

    protected AnalystCase() {
    }

    public static AnalystCase handedOver(AnalystReference reference, String caseId, Collection<ItemReference> items) {
        AnalystCase handed = new AnalystCase();
        handed.analystReference = reference.value();
        handed.caseId = caseId;
        handed.open = true;
        handed.packagesQueued = 0;
        handed.itemsAdded(items);
        return handed;
    }

    /** A package about the case was queued for the analyst side. */
    public void packageQueued() {
        if (packagesQueued != null) {
            packagesQueued++;
        }
    }

    /**
     * Whether the analyst side may have received anything about the case, given how many of its packages were just
     * taken back unclaimed. Unknown counts (records older than the count) are taken as "may have".
     */
    public boolean mayHaveReachedAnalysts(int takenBack) {
        return packagesQueued == null || takenBack < packagesQueued;
    }

    /** The analyst side acknowledged a package about the case: it has the case (and the items sent so far). */
    public void delivered(OffsetDateTime at) {
        if (firstDeliveredAt == null || at.isBefore(firstDeliveredAt)) {
            firstDeliveredAt = at;
        }
        if (lastDeliveredAt == null || at.isAfter(lastDeliveredAt)) {
            lastDeliveredAt = at;
        }
    }

    /** When a package about the case was first acknowledged, or null. */
    public OffsetDateTime firstDeliveredAt() {
        return firstDeliveredAt;
    }

    /** When one was last acknowledged, or null. */
    public OffsetDateTime lastDeliveredAt() {
        return lastDeliveredAt;
    }

    public void itemsAdded(Collection<ItemReference> items) {
        items.forEach(item -> itemReferences.add(item.value()));
    }

    /** @return false when it was withdrawn already */
    public boolean withdrawn() {
        boolean was = open;
        open = false;
        return was;
    }

    public boolean open() {
        return open;
    }

    public boolean holds(ItemReference item) {
        return itemReferences.contains(item.value());
    }

    public AnalystReference analystReference() {
        return new AnalystReference(analystReference);
    }

    public String caseId() {
        return caseId;
    }

    /** In the order they were sent. */
    public List<ItemReference> itemReferences() {
        return itemReferences.stream().map(ItemReference::new).toList();
    }
}
