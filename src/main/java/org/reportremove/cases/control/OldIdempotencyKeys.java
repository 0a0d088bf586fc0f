package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.retention.AgedRows;
import org.reportremove.platform.retention.AgedRowsPurge;
import org.reportremove.platform.retention.PurgedRecords;

import java.time.Duration;

/**
 * Removes idempotency keys of case submissions once no app would still retry with them. The case itself stays;
 * a submission with an old key after this is a new case, as a new key would be.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OldIdempotencyKeys extends AgedRowsPurge {

    public static final AgedRows ROWS = AgedRows.of("case_submission", "created_at", "account_id", "idempotency_key");

    @Inject
    @ConfigProperty(name = "reportremove.retention.idempotency-keys-days", defaultValue = "7")
    int days;

    public OldIdempotencyKeys() {
        super(PurgedRecords.IDEMPOTENCY_KEYS, ROWS);
    }

    @Override
    protected Duration kept() {
        return Duration.ofDays(days);
    }
}
