package org.reportremove.analysts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One step taken to remove an item or keep it from spreading. A location is held only sealed (bound to this
 * action's id) and as a digest, so that actions on the same place can be matched without opening it.
 */
@Entity
@Table(name = "analyst_removal_action")
public class RemovalAction {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    private CaseResults results;

    @Column(name = "item_reference")
    private String itemReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private RemovalActionType action;

    @Column(name = "list_name")
    private String listName;

    @Column(name = "location_sealed")
    private byte[] locationSealed;

    @Column(name = "location_digest")
    private String locationDigest;

    @Column(name = "platform")
    private String platform;

    @Column(name = "blocked_count")
    private Integer blockedCount;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    protected RemovalAction() {
    }

    RemovalAction(CaseResults results, String eventId, Step step) {
        this.id = step.id();
        this.results = results;
        this.eventId = eventId;
        this.itemReference = step.itemReference();
        this.action = step.action();
        this.listName = step.listName();
        this.locationSealed = step.locationSealed();
        this.locationDigest = step.locationDigest();
        this.platform = step.platform();
        this.blockedCount = step.blockedCount();
        this.occurredAt = step.at();
    }

    /**
     * A removal action as the analyst side sends it, already checked, its location sealed by the caller for
     * {@code id}.
     */
    public record Step(String id, String itemReference, RemovalActionType action, String listName,
                       byte[] locationSealed, String locationDigest, String platform, Integer blockedCount,
                       OffsetDateTime at) {
    }

    public String eventId() {
        return eventId;
    }

    /** The item it is about, or null for an action on the case as a whole. */
    public String itemReference() {
        return itemReference;
    }

    public RemovalActionType action() {
        return action;
    }

    /** The hash list's name, for {@code HASH_SHARED}. */
    public String listName() {
        return listName;
    }

    public String locationDigest() {
        return locationDigest;
    }

    public String platform() {
        return platform;
    }

    public Integer blockedCount() {
        return blockedCount;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }
}
