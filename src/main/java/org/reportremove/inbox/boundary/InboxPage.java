package org.reportremove.inbox.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of a young person's inbox, newest first.
 *
 * @param unread how many of all their messages are not read yet
 * @param next   the cursor for the next (older) page; left out on the last
 */
public record InboxPage(long unread, List<MessageView> messages, String next) {

    /**
     * One message, in the language of the case it is about. {@code messageKey} names the wording, so an app may use
     * its own words for it.
     */
    public record MessageView(String id, String caseReference, String from, String messageKey, String title,
                              String text, LocalDate writtenOn, boolean read) {
    }
}
