package org.reportremove.agecheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.AgedRows;
import org.reportremove.platform.retention.AgedRowsPurge;
import org.reportremove.platform.retention.PurgedRecords;

import java.time.Duration;

/**
 * Removes age checks a while after they expired. An expired check can no longer be verified or claimed, and a
 * claimed one has handed its outcome to the account, which keeps it; the audit trail keeps that the check ran.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExpiredAgeChecks extends AgedRowsPurge {

    public static final AgedRows ROWS = AgedRows.of("age_check", "expires_at", "id");

    @Inject
    @ConfigProperty(name = "reportremove.retention.age-checks-hours", defaultValue = "24")
    int hours;

    public ExpiredAgeChecks() {
        super(PurgedRecords.AGE_CHECKS, ROWS);
    }

    @Override
    protected Duration kept() {
        return Duration.ofHours(hours);
    }
}
