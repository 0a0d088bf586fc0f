package org.reportremove.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.analysts.entity.Assessment;
import org.reportremove.analysts.entity.CaseResults;
import org.reportremove.analysts.entity.RemovalAction;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Item;
import org.reportremove.progress.entity.ProgressFacts;
import org.reportremove.progress.entity.ProgressFacts.ActionFact;
import org.reportremove.progress.entity.ProgressFacts.AssessmentFact;
import org.reportremove.progress.entity.ProgressFacts.ItemFact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Gathers the recorded facts of one case from the cases and the analyst exchange. Reads only: the facts stay where
 * they were recorded, and progress is worked out from them every time.
 */
@ApplicationScoped
public class ProgressFactsReader {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    public ProgressFacts of(Case reportCase) {
        Optional<AnalystCase> handedOver = Optional.ofNullable(
                em.find(AnalystCase.class, reportCase.analystReference().value()));
        Optional<CaseResults> results = Optional.ofNullable(em.find(CaseResults.class, reportCase.id()));
        List<ItemFact> items = reportCase.items().stream()
                .map(item -> new ItemFact(item.number(), item.itemReference().value(), instant(item.addedAt()),
                        item.foundByAnalysts()))
                .toList();
        List<AssessmentFact> assessments = results.map(CaseResults::assessments).orElse(List.of()).stream()
                .map(ProgressFactsReader::fact).toList();
        List<ActionFact> actions = results.map(CaseResults::removalActions).orElse(List.of()).stream()
                .map(ProgressFactsReader::fact).toList();
        return new ProgressFacts(instant(reportCase.submittedAt()), instant(reportCase.withdrawnAt()),
                handedOver.map(AnalystCase::firstDeliveredAt).map(ProgressFactsReader::instant).orElse(null),
                handedOver.map(AnalystCase::lastDeliveredAt).map(ProgressFactsReader::instant).orElse(null),
                results.map(CaseResults::closedAt).map(ProgressFactsReader::instant).orElse(null),
                items, assessments, actions);
    }

    private static AssessmentFact fact(Assessment assessment) {
        return new AssessmentFact(assessment.eventId(), assessment.itemReference(), assessment.outcome(),
                instant(assessment.assessedAt()));
    }

    private static ActionFact fact(RemovalAction action) {
        return new ActionFact(action.eventId(), action.itemReference(), action.action(), action.locationDigest(),
                action.platform(), action.blockedCount() == null ? 0 : action.blockedCount(),
                instant(action.occurredAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
