package org.reportremove.platform.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.AgedRows;
import org.reportremove.platform.retention.AgedRowsPurge;
import org.reportremove.platform.retention.PurgedRecords;

import java.time.Duration;

/**
 * Removes webhook deliveries that ended (delivered, or failed and not replayed) some days ago: what is left of them
 * is ids and outcomes, worth keeping only while an operator may still look or replay.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class FinishedDeliveries extends AgedRowsPurge {

    public static final AgedRows ROWS = AgedRows.of("webhook_delivery", "finished_at", "id")
            .where("state <> 'PENDING'");

    @Inject
    @ConfigProperty(name = "reportremove.retention.webhook-deliveries-days", defaultValue = "30")
    int days;

    public FinishedDeliveries() {
        super(PurgedRecords.WEBHOOK_DELIVERIES, ROWS);
    }

    @Override
    protected Duration kept() {
        return Duration.ofDays(days);
    }
}
