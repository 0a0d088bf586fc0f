package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.industry.entity.FeedRead;
import org.reportremove.industry.entity.FeedbackReceived;

/** Fires the feed's reads and feedback batches in a transaction of their own, for the audit trail to record. */
@ApplicationScoped
public class FeedAudit {

    @Inject
    Event<FeedRead> read;

    @Inject
    Event<FeedbackReceived> feedback;

    @Transactional
    public void read(FeedRead event) {
        read.fire(event);
    }

    @Transactional
    public void feedback(FeedbackReceived event) {
        feedback.fire(event);
    }
}
