package org.reportremove.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.accounts.entity.Account;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;

/**
 * Tells a relay (the helpline partner, a push service) that an account has a new message, with nothing in it but
 * the account's opaque notification id: a phone's lock screen or a relay's log learns nothing about the case.
 * One waiting notification is enough however many messages arrive before it is taken.
 */
@ApplicationScoped
public class Notifications {

    public static final String NOTIFICATION_DUE = "notification.due";

    @Inject
    Outbox outbox;

    /** Off unless something is configured to relay notifications; nothing waits for nobody then. */
    @Inject
    @ConfigProperty(name = "reportremove.inbox.notifications")
    boolean enabled;

    void due(Account account) {
        String notificationId = account.notificationId();
        if (enabled && !outbox.waiting(Topic.NOTIFICATIONS, notificationId)) {
            outbox.queue(Topic.NOTIFICATIONS, notificationId, NOTIFICATION_DUE,
                    Json.createObjectBuilder().add("notificationId", notificationId).build().toString(), 0);
        }
    }

    /** A notification that has not left yet must not outlive the account. */
    void takeBack(String notificationId) {
        outbox.discardUnclaimed(Topic.NOTIFICATIONS, notificationId);
    }
}
