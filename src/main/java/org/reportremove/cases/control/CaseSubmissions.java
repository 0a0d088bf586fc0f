package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.AccountNotFound;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.cases.entity.CaseSubmission;

import java.util.Optional;

/**
 * Idempotent case submission. The idempotency key is claimed (inserted and flushed) before anything else in the
 * submitting transaction, so when two requests with one key race, the database's primary key lets exactly one
 * through; the other waits for it, fails, and then reads the winner's stored answer.
 */
@ApplicationScoped
public class CaseSubmissions {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    /**
     * The answer stored for this key, if it was used before with the same request.
     *
     * @throws IdempotencyKeyReused when the key was used for a different request
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> replay(AccountId accountId, String key, String requestDigest) {
        CaseSubmission earlier = em.find(CaseSubmission.class, new CaseSubmission.Key(accountId.value(), key));
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.sameRequest(requestDigest)) {
            throw new IdempotencyKeyReused();
        }
        return Optional.of(earlier.answer());
    }

    /** Submits the case and stores its answer (JSON) under the key, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String submit(AccountId accountId, String key, String requestDigest, AgeAssuranceOutcome age,
                         Submission submission) {
        // An erasure of the account at the same moment must not leave this case behind, unerased and ownerless.
        accounts.hold(accountId).orElseThrow(AccountNotFound::new);
        String caseId = Cases.newCaseId();
        CaseSubmission claimed = CaseSubmission.claim(accountId.value(), key, requestDigest, caseId);
        em.persist(claimed);
        em.flush();
        String answer = JSON.toJson(cases.submit(caseId, accountId, age, submission));
        claimed.answered(answer);
        return answer;
    }
}
