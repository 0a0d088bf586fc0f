package org.reportremove.inbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.inbox.entity.HelplineNoLongerFollowsUp;
import org.reportremove.inbox.entity.MessageNotFound;
import org.reportremove.inbox.entity.NotACounsellorMessage;
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

    public static final ProblemType NOT_A_COUNSELLOR_MESSAGE = new ProblemType(409, "not-a-counsellor-message",
            "Only a counsellor's message can be answered");
    public static final ProblemType HELPLINE_NO_LONGER_FOLLOWS_UP = new ProblemType(409,
            "helpline-no-longer-follows-up", "This helpline may no longer follow up the case");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof MessageNotFound) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND, failure.getMessage()));
        }
        if (failure instanceof NotACounsellorMessage) {
            return Optional.of(new ProblemException(NOT_A_COUNSELLOR_MESSAGE, failure.getMessage()));
        }
        if (failure instanceof HelplineNoLongerFollowsUp) {
            return Optional.of(new ProblemException(HELPLINE_NO_LONGER_FOLLOWS_UP, failure.getMessage()));
        }
        return Optional.empty();
    }
}
