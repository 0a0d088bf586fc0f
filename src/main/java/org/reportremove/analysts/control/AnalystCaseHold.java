package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.cases.control.Cases;

/**
 * Holds the exchange's record of a case for a change from the analyst side (a result, a delivered package), and
 * the case's own row before it. A withdrawal takes them in that order (the case, then the record it updates), and
 * what a result tells the helplines is read under the case's lock: taken the other way round, a result and a
 * withdrawal at the same moment would each wait for the other.
 */
@ApplicationScoped
public class AnalystCaseHold {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    /** The record, held until the caller's transaction ends; null for an analyst reference no case has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AnalystCase hold(String analystReference) {
        // The case id alone, without loading the record: it is loaded once, under its lock, below.
        em.createQuery("SELECT a.caseId FROM AnalystCase a WHERE a.analystReference = :reference", String.class)
                .setParameter("reference", analystReference).getResultStream().findFirst()
                .ifPresent(cases::holdRow);
        return em.find(AnalystCase.class, analystReference, LockModeType.PESSIMISTIC_WRITE);
    }
}
