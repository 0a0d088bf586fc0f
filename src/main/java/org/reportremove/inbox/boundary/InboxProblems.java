package org.reportremove.inbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.inbox.entity.MessageNotFound;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How inbox failures are answered.
 */
@ApplicationScoped
public class InboxProblems implements ProblemMapping {

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof MessageNotFound) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND, failure.getMessage()));
        }
        return Optional.empty();
    }
}
