package org.reportremove.inbox.boundary;

import org.reportremove.inbox.control.MilestoneMessages;
import org.reportremove.inbox.control.QuietCases;
import org.reportremove.inbox.entity.InboxMessage;
import org.reportremove.progress.control.Wording;

import java.time.ZoneOffset;

/**
 * A message's words, made when it is read: a milestone says what happened and what happens next; the quiet-case
 * reminder says we are still working on it; a counsellor's message has a title and the counsellor's own text.
 */
final class InboxWords {

    private InboxWords() {
    }

    /**
     * @param counsellorText the opened text of a counsellor's message; null for the service's
     * @param under13 whether the reader's account is under 13 now (not when the message was written)
     */
    static InboxPage.MessageView view(InboxMessage message, String counsellorText, boolean under13) {
        Wording words = Wording.of(message.language(), under13);
        String key = message.messageKey();
        String title;
        String text;
        if (key.startsWith(MilestoneMessages.PREFIX)) {
            title = words.text(key + ".title");
            text = words.text(key + ".explanation") + " " + words.text(key + ".next");
        } else if (key.equals(InboxMessage.FROM_COUNSELLOR)) {
            title = words.text(key + ".title");
            text = counsellorText;
        } else if (key.equals(QuietCases.STILL_WORKING)) {
            title = words.text(key + ".title");
            text = words.text(key + ".text");
        } else {
            throw new IllegalStateException("no wording for message key " + key);
        }
        return new InboxPage.MessageView(message.id(), message.caseReference(), message.sender().name(), key, title,
                text, message.writtenAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), message.read());
    }
}
