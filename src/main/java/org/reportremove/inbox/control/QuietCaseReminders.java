package org.reportremove.inbox.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Once an hour, reminds the owners of quiet open cases that their case is still being worked on.
 */
@Singleton
public class QuietCaseReminders {

    private static final Logger LOG = Logger.getLogger(QuietCaseReminders.class.getName());

    @Inject
    QuietCases quietCases;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "41", persistent = false, info = "quiet-case-reminders")
    void remindQuietCases() {
        Instant now = clock.instant();
        long written = quietCases.due(now).stream().filter(caseId -> quietCases.remind(caseId, now)).count();
        if (written > 0) {
            LOG.info(() -> "event=inbox.reminded cases=" + written);
        }
    }
}
