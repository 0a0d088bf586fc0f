package org.reportremove.analysts.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analyst side has told us about one case.
 *
 * <p>Life cycle: {@link #startFor} creates it with the first result event for a case; {@link #recordAssessment}
 * and {@link #recordRemoval} add to it in whatever order events arrive (each event is applied once, checked by
 * its id elsewhere); {@link #close} marks the analysts' work done. It is erased with its case. The young person
 * sees only the progress derived from it, never the categories.
 */
@Entity
@Table(name = "analyst_case_results")
public class CaseResults {

    @Id
    @Column(name = "case_id")
    private String caseId;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @OneToMany(mappedBy = "results", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Assessment> assessments = new ArrayList<>();

    @OneToMany(mappedBy = "results", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<RemovalAction> removalActions = new ArrayList<>();

    @Version
    private long version;

    protected CaseResults() {
    }

    public static CaseResults startFor(String caseId) {
        CaseResults results = new CaseResults();
        results.caseId = caseId;
        return results;
    }

    public void recordAssessment(String eventId, Assessment.Finding finding) {
        assessments.add(new Assessment(this, eventId, finding));
    }

    public void recordRemoval(String eventId, RemovalAction.Step step) {
        removalActions.add(new RemovalAction(this, eventId, step));
    }

    /** The analysts' work on the case is done. A later close keeps the first time. */
    public void close(OffsetDateTime at) {
        if (closedAt == null || at.isBefore(closedAt)) {
            closedAt = at;
        }
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public List<RemovalAction> removalActions() {
        return List.copyOf(removalActions);
    }

    /** When the analysts closed their work on the case, or null. */
    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public String caseId() {
        return caseId;
    }
}
