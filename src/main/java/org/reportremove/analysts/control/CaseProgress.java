package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reportremove.analysts.entity.CaseResults;
import org.reportremove.cases.control.ProgressSource;
import org.reportremove.cases.entity.Progress;

import java.util.Optional;

/**
 * A case's progress as its owner may see it: a stage and counts, never the assessment category.
 */
@ApplicationScoped
public class CaseProgress implements ProgressSource {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Override
    public Progress of(String caseId) {
        return Optional.ofNullable(em.find(CaseResults.class, caseId)).map(CaseResults::progress)
                .orElse(Progress.RECEIVED);
    }
}
