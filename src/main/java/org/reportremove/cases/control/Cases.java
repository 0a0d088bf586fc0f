package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.AccountDeleted;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.audit.control.AuditTrail;
import org.reportremove.audit.entity.ActorRole;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseReference;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.ItemDraft;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;
import org.reportremove.platform.problem.FieldError;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;
import org.reportremove.signals.control.KnownSignals;
import org.reportremove.signals.entity.Signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Submits, extends, withdraws and erases young people's cases. Each change, its audit entry and the messages it
 * queues for the analysts and the helpline commit together or not at all. A young person reaches only their own
 * cases: someone else's is not found, exactly like one that does not exist.
 */
@ApplicationScoped
public class Cases {

    private static final Logger LOG = Logger.getLogger(Cases.class.getName());

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    KnownSignals knownSignals;

    @Inject
    CaseDetails details;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseAnswer submit(String caseId, String accountId, AgeAssuranceOutcome age, Submission submission) {
        Case reportCase = Case.submit(caseId, accountId, submission.language(), submission.concerns(),
                submission.consent().followUp(), details.seal(caseId, submission), submission.items(),
                knownAmong(submission.items()));
        em.persist(reportCase);
        outbox.queue(Topic.ANALYSTS, CasePackages.CASE_SUBMITTED,
                CasePackages.submitted(reportCase, age, submission.locations()),
                !CasePackages.priorityFlags(reportCase, age).isEmpty());
        boolean safeguarding = submission.concerns().stream().anyMatch(Concern::needsSafeguarding);
        if (safeguarding && submission.consent().followUp()) {
            outbox.queue(Topic.HELPLINE, CasePackages.SAFEGUARDING_FLAG,
                    CasePackages.safeguardingFlag(reportCase, age.band(), submission.consent()));
        }
        audit.record(ActorRole.YOUNG_PERSON, accountId, "CASE_SUBMITTED", "CASE", caseId);
        LOG.info(() -> "event=case.submitted case=" + reportCase.reference().value() + " items="
                + reportCase.items().size() + " safeguarding=" + (safeguarding && submission.consent().followUp()));
        return answer(reportCase, reportCase.items(), submission.items());
    }

    @Transactional
    public CaseAnswer addItems(String accountId, AgeAssuranceOutcome age, CaseReference reference,
                               List<ItemDraft> drafts) {
        Case reportCase = ownForUpdate(accountId, reference);
        if (!reportCase.open()) {
            throw new ProblemException(ProblemType.CASE_WITHDRAWN,
                    "This case was withdrawn, so it takes no more items. Start a new case for them.");
        }
        int count = reportCase.itemCountWith(drafts);
        if (count > Case.MAX_ITEMS) {
            throw ProblemException.invalidFields(List.of(new FieldError("items",
                    "a case holds at most 50 items and this would make " + count + ": start a new case for the rest")));
        }
        List<Item> touched = reportCase.addItems(drafts, knownAmong(drafts));
        em.flush();
        List<Item> distinct = touched.stream().distinct().toList();
        outbox.queue(Topic.ANALYSTS, CasePackages.ITEMS_ADDED, CasePackages.itemsAdded(reportCase, age, distinct),
                !CasePackages.priorityFlags(reportCase, age).isEmpty());
        audit.record(ActorRole.YOUNG_PERSON, accountId, "CASE_ITEMS_ADDED", "CASE", reportCase.id());
        LOG.info(() -> "event=case.items-added case=" + reportCase.reference().value() + " items=" + distinct.size());
        return answer(reportCase, touched, drafts);
    }

    /** Withdraws the case and queues the withdrawal for the analyst side; a second withdrawal changes nothing. */
    @Transactional
    public Case withdraw(String accountId, CaseReference reference) {
        Case reportCase = ownForUpdate(accountId, reference);
        if (reportCase.withdraw()) {
            outbox.queue(Topic.ANALYSTS, CasePackages.CASE_WITHDRAWN, CasePackages.withdrawn(reportCase));
            audit.record(ActorRole.YOUNG_PERSON, accountId, "CASE_WITHDRAWN", "CASE", reportCase.id());
            LOG.info(() -> "event=case.withdrawn case=" + reportCase.reference().value());
        }
        return reportCase;
    }

    public Optional<Case> findOwn(String accountId, CaseReference reference) {
        return em.createQuery("SELECT c FROM ReportCase c WHERE c.reference = :reference AND c.accountId = :account",
                        Case.class)
                .setParameter("reference", reference.value())
                .setParameter("account", accountId)
                .getResultStream().findFirst();
    }

    public List<Case> listOwn(String accountId) {
        return em.createQuery("SELECT c FROM ReportCase c WHERE c.accountId = :account ORDER BY c.submittedAt DESC",
                        Case.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /**
     * An erased account takes its cases with it: open ones are withdrawn first (so the analyst side withdraws
     * their signals), then every case, its items, encrypted details and idempotency keys are deleted. What the
     * analyst side already holds was pseudonymous from the start.
     */
    void eraseWithAccount(@Observes AccountDeleted deleted) {
        String accountId = deleted.accountId();
        for (Case reportCase : listOwn(accountId)) {
            if (reportCase.withdraw()) {
                outbox.queue(Topic.ANALYSTS, CasePackages.CASE_WITHDRAWN, CasePackages.withdrawn(reportCase));
                audit.record(ActorRole.YOUNG_PERSON, accountId, "CASE_WITHDRAWN", "CASE", reportCase.id());
            }
            em.remove(reportCase);
            audit.record(ActorRole.YOUNG_PERSON, accountId, "CASE_ERASED", "CASE", reportCase.id());
        }
        em.createQuery("DELETE FROM CaseSubmission s WHERE s.accountId = :account")
                .setParameter("account", accountId).executeUpdate();
        em.flush();
    }

    private Case ownForUpdate(String accountId, CaseReference reference) {
        return em.createQuery("SELECT c FROM ReportCase c WHERE c.reference = :reference AND c.accountId = :account",
                        Case.class)
                .setParameter("reference", reference.value())
                .setParameter("account", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(Cases::notFound);
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no case with this reference in your account.");
    }

    private Predicate<ItemDraft> knownAmong(List<ItemDraft> drafts) {
        List<Signal> all = drafts.stream().flatMap(draft -> draft.signals().stream()).toList();
        Set<Signal> known = knownSignals.known(all);
        return draft -> draft.signals().stream().anyMatch(known::contains);
    }

    /** One answer per item touched, with the request positions that became it. */
    private static CaseAnswer answer(Case reportCase, List<Item> touched, List<ItemDraft> drafts) {
        Map<Item, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < touched.size(); i++) {
            positions.computeIfAbsent(touched.get(i), item -> new ArrayList<>()).addAll(drafts.get(i).from());
        }
        List<ItemAnswer> items = positions.entrySet().stream()
                .map(entry -> new ItemAnswer(entry.getKey().number(), entry.getKey().contentType().name(),
                        entry.getKey().alreadyKnown(), entry.getValue().stream().sorted().toList()))
                .toList();
        return new CaseAnswer(reportCase.reference().value(), reportCase.status().name(), items,
                Advice.about(reportCase, positions.keySet()));
    }

    /** A new case id: generated before the case, because its encrypted details are bound to it. */
    public static String newCaseId() {
        return UUID.randomUUID().toString();
    }
}
