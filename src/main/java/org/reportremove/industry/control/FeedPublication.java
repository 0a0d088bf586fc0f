package org.reportremove.industry.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.DependsOn;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.problem.SafeErrors;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes due batches a few minutes past every hour (and again later in the hour, should a node have missed it).
 * Replicas may all run it: the feed's head lock lets one publish at a time, and the next finds nothing due.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class FeedPublication {

    private static final Logger LOG = Logger.getLogger(FeedPublication.class.getName());

    @Inject
    FeedPublisher publisher;

    @Inject
    @ConfigProperty(name = "reportremove.industry.publication.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "*", minute = "2,17,32,47", persistent = false, info = "industry-publication")
    void publish() {
        if (!enabled) {
            return;
        }
        try {
            publisher.publishDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=industry.publish-failed trace={0}", SafeErrors.describe(e));
        }
    }
}
