package org.reportremove.platform.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How the webhook operators' failures are answered.
 */
@ApplicationScoped
public class WebhookProblems implements ProblemMapping {

    public static final ProblemType DELIVERY_NOT_REPLAYABLE = new ProblemType(409, "delivery-not-replayable",
            "Only a failed delivery can be replayed");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof DeliveryNotFound) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND, failure.getMessage()));
        }
        if (failure instanceof DeliveryNotReplayable) {
            return Optional.of(new ProblemException(DELIVERY_NOT_REPLAYABLE, failure.getMessage()));
        }
        return Optional.empty();
    }
}
