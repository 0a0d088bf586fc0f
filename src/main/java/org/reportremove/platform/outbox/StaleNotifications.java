package org.reportremove.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.AgedRows;
import org.reportremove.platform.retention.AgedRowsPurge;
import org.reportremove.platform.retention.PurgedRecords;

import java.time.Duration;

/**
 * Removes "you have a new message" notifications that no relay took for days: by then the young person has
 * opened the app or will see the message when they do. Delivered messages are deleted when acknowledged, so nothing
 * else waits here once delivered; packages for the analysts and safeguarding flags are never dropped for age
 * (they leave with their case), and their backlog is what the outbox metrics show.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class StaleNotifications extends AgedRowsPurge {

    public static final AgedRows ROWS = AgedRows.of("outbox_message", "created_at", "id")
            .where("topic = 'NOTIFICATIONS'");

    @Inject
    @ConfigProperty(name = "reportremove.retention.notifications-days", defaultValue = "7")
    int days;

    public StaleNotifications() {
        super(PurgedRecords.OUTBOX_MESSAGES, ROWS);
    }

    @Override
    protected Duration kept() {
        return Duration.ofDays(days);
    }
}
