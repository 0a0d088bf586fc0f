package org.reportremove.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseStatus;
import org.reportremove.cases.entity.ProgressStage;
import org.reportremove.inbox.entity.QuietCaseRule;
import org.reportremove.progress.control.CaseProgress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds open cases nobody has written to their owner about for a while and tells them "we're still working on it".
 * Each reminder is written in a transaction of its own that locks the case and looks again, so several nodes
 * running this at once write it once.
 */
@ApplicationScoped
public class QuietCases {

    public static final String STILL_WORKING = "stillWorking";
    private static final Set<ProgressStage> FINISHED = EnumSet.of(ProgressStage.CLOSED, ProgressStage.WITHDRAWN);

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    CaseProgress progress;

    @Inject
    @ConfigProperty(name = "reportremove.inbox.quiet-days")
    int quietDays;

    QuietCaseRule rule() {
        return QuietCaseRule.days(quietDays);
    }

    /** Ids of open cases whose last message is older than the rule allows at {@code now}. */
    @Transactional
    public List<String> due(Instant now) {
        return em.createQuery("SELECT m.caseId FROM InboxMessage m, ReportCase c WHERE c.id = m.caseId"
                        + " AND c.status = :open GROUP BY m.caseId HAVING MAX(m.writtenAt) <= :since", String.class)
                .setParameter("open", CaseStatus.SUBMITTED)
                .setParameter("since", rule().quietSince(now).atOffset(ZoneOffset.UTC))
                .getResultList();
    }

    /** @return whether a reminder was written (not when the case moved on, finished or was reminded meanwhile) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remind(String caseId, Instant now) {
        Case reportCase = em.find(Case.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (reportCase == null || !reportCase.open()
                || FINISHED.stream().anyMatch(progress.of(reportCase).milestones()::containsKey)) {
            return false;
        }
        OffsetDateTime last = em.createQuery("SELECT MAX(m.writtenAt) FROM InboxMessage m WHERE m.caseId = :id",
                        OffsetDateTime.class)
                .setParameter("id", caseId).getSingleResult();
        if (last == null || !rule().due(last.toInstant(), now)) {
            return false;
        }
        return inbox.writeOnce(reportCase, STILL_WORKING, null);
    }
}
