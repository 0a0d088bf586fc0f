package org.reportremove.helpline.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.helpline.entity.ConsentedCaseNotFound;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How the helpline's failures are answered. A case the partner may not follow up is simply not found.
 */
@ApplicationScoped
public class HelplineProblems implements ProblemMapping {

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof ConsentedCaseNotFound) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND, failure.getMessage()));
        }
        return Optional.empty();
    }
}
