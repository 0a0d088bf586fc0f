package org.reportremove.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportremove.platform.retention.AgedRows;
import org.reportremove.platform.retention.AgedRowsPurge;
import org.reportremove.platform.retention.PurgedRecords;

import java.time.Duration;

/**
 * Removes the record of used client assertions once the assertions themselves have expired: an expired assertion
 * is refused for its expiry, so its record no longer guards against a replay. ({@link UsedAssertions} also clears
 * them as it records new ones; this catches the rest when no partner signs in for a while.)
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExpiredClientAssertions extends AgedRowsPurge {

    public static final AgedRows ROWS = AgedRows.of("used_client_assertion", "expires_at", "assertion_key");

    public ExpiredClientAssertions() {
        super(PurgedRecords.CLIENT_ASSERTIONS, ROWS);
    }

    @Override
    protected Duration kept() {
        return Duration.ZERO;
    }
}
