package org.reportremove.platform.webhooks;

import java.util.Set;

/**
 * The CloudEvents types partners may subscribe to. The helpline's events name one partner each; a due notification
 * goes to every partner subscribed to it (they relay the app's notifications).
 */
public final class EventTypes {

    public static final String NOTIFICATION_DUE = "notification.due";
    /** Signals taken out of the industry feed; for every platform subscribed to it. */
    public static final String SIGNALS_WITHDRAWN = "signals.withdrawn";

    public static final Set<String> ALL = Set.of("case.submitted", "safeguarding.raised", "case.progressed",
            "message.received", "case.withdrawn", "consent.withdrawn", "account.deleted", NOTIFICATION_DUE,
            SIGNALS_WITHDRAWN);

    private EventTypes() {
    }
}
