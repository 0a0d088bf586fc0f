package org.reportremove.industry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.industry.entity.CheckpointRefused;
import org.reportremove.industry.entity.FeedNotSubscribed;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/** How the industry feed's failures are answered. */
@ApplicationScoped
public class IndustryProblems implements ProblemMapping {

    public static final ProblemType CHECKPOINT_REFUSED = new ProblemType(400, "invalid-checkpoint",
            "The checkpoint is not valid");
    public static final ProblemType NOT_SUBSCRIBED = new ProblemType(403, "feed-not-subscribed",
            "This platform is not subscribed to the feed");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof CheckpointRefused) {
            return Optional.of(new ProblemException(CHECKPOINT_REFUSED, failure.getMessage()));
        }
        if (failure instanceof FeedNotSubscribed) {
            return Optional.of(new ProblemException(NOT_SUBSCRIBED, failure.getMessage()));
        }
        return Optional.empty();
    }
}
