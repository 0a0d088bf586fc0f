package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.reportremove.industry.entity.FeedbackReceived;
import org.reportremove.platform.ratelimit.AttemptLimits;
import org.reportremove.platform.security.Actor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A platform's batch of feedback: checked as a whole, then applied event by event (each once, by the platform's own
 * event id), then recorded in the audit trail by platform.
 */
@ApplicationScoped
public class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    @Inject
    FeedbackApplier applier;

    @Inject
    PlatformFeeds feeds;

    @Inject
    AttemptLimits limits;

    @Inject
    FeedAudit audit;

    @Inject
    @ConfigProperty(name = "reportremove.industry.feedback-batches-per-hour", defaultValue = "600")
    int batchesPerHour;

    /** One piece of feedback's outcome, in the order sent. */
    public record Result(String eventId, FeedbackApplier.Status status) {
    }

    public List<Result> receive(String platform, List<FeedbackChecks.Sent> sent, Actor actor) {
        Set<String> lists = feeds.listsOf(platform);
        List<FeedbackEvent> events = FeedbackChecks.check(sent);
        limits.hourly("industry-feedback", platform,
                feeds.perHour(platform, "feedback-batches-per-hour", batchesPerHour));
        List<Result> results = new ArrayList<>(events.size());
        int applied = 0;
        for (FeedbackEvent event : events) {
            FeedbackApplier.Status status;
            try {
                status = applier.apply(platform, lists, event, actor);
            } catch (PersistenceException | TransactionalException e) {
                // The same event id may have committed in a concurrent batch between our check and our insert.
                if (!applier.seen(platform, event.eventId())) {
                    throw e;
                }
                status = FeedbackApplier.Status.DUPLICATE;
            }
            if (status == FeedbackApplier.Status.APPLIED) {
                applied++;
            }
            results.add(new Result(event.eventId(), status));
        }
        audit.feedback(new FeedbackReceived(platform, applied, actor));
        int count = applied;
        LOG.info(() -> "event=industry.feedback platform=" + platform + " received=" + events.size()
                + " applied=" + count + " outcome=done");
        return results;
    }
}
