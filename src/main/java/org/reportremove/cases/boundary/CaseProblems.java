package org.reportremove.cases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.cases.control.IdempotencyKeyReused;
import org.reportremove.cases.entity.CaseAlreadyWithdrawn;
import org.reportremove.cases.entity.CaseNotFound;
import org.reportremove.cases.entity.TooManyItems;
import org.reportremove.cases.entity.UnknownHelplinePartner;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How case failures are answered.
 */
@ApplicationScoped
public class CaseProblems implements ProblemMapping {

    public static final ProblemType IDEMPOTENCY_KEY_REQUIRED = new ProblemType(400, "idempotency-key-required",
            "An Idempotency-Key header is needed");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType(422, "idempotency-key-reused",
            "This Idempotency-Key was already used for a different request");
    public static final ProblemType CASE_WITHDRAWN = new ProblemType(409, "case-withdrawn",
            "This case has been withdrawn");

    public static final ProblemType UNKNOWN_HELPLINE_PARTNER = new ProblemType(422, "unknown-helpline-partner",
            "A partner named in the consent is not a helpline partner of this service");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof CaseNotFound) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND, failure.getMessage()));
        }
        if (failure instanceof CaseAlreadyWithdrawn) {
            return Optional.of(new ProblemException(CASE_WITHDRAWN, failure.getMessage()));
        }
        if (failure instanceof IdempotencyKeyReused) {
            return Optional.of(new ProblemException(IDEMPOTENCY_KEY_REUSED, failure.getMessage()));
        }
        if (failure instanceof UnknownHelplinePartner) {
            return Optional.of(new ProblemException(UNKNOWN_HELPLINE_PARTNER, failure.getMessage()));
        }
        if (failure instanceof TooManyItems) {
            return Optional.of(ProblemException.invalidField("items", failure.getMessage()));
        }
        return Optional.empty();
    }
}
