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
import java.util.UUID;

/**
 * One analyst's finding for one item of a case. An item may be assessed again later; the latest counts.
 */
@Entity
@Table(name = "analyst_assessment")
public class Assessment {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    private CaseResults results;

    @Column(name = "item_reference", nullable = false)
    private String itemReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private AssessmentOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "category")
    private AssessmentCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason")
    private NotActionableReason reason;

    @Column(name = "assessed_at", nullable = false)
    private OffsetDateTime assessedAt;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    protected Assessment() {
    }

    Assessment(CaseResults results, String eventId, Finding finding) {
        this.id = UUID.randomUUID().toString();
        this.results = results;
        this.eventId = eventId;
        this.itemReference = finding.itemReference();
        this.outcome = finding.outcome();
        this.category = finding.category();
        this.reason = finding.reason();
        this.assessedAt = finding.at();
    }

    /**
     * An assessment as the analyst side sends it, already checked: a category exactly when actionable, a reason
     * exactly when not actionable.
     */
    public record Finding(String itemReference, AssessmentOutcome outcome, AssessmentCategory category,
                          NotActionableReason reason, OffsetDateTime at) {

        public Finding {
            if ((outcome == AssessmentOutcome.ACTIONABLE) != (category != null)
                    || (outcome == AssessmentOutcome.NOT_ACTIONABLE) != (reason != null)) {
                throw new IllegalArgumentException("a category goes with ACTIONABLE, a reason with NOT_ACTIONABLE");
            }
        }
    }

    public String itemReference() {
        return itemReference;
    }

    public AssessmentOutcome outcome() {
        return outcome;
    }

    public String eventId() {
        return eventId;
    }

    public AssessmentCategory category() {
        return category;
    }

    public OffsetDateTime assessedAt() {
        return assessedAt;
    }
}
