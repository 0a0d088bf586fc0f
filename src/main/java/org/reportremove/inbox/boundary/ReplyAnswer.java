package org.reportremove.inbox.boundary;

import java.time.OffsetDateTime;

/** A reply as sent: its id and the counsellor's message it answers. */
public record ReplyAnswer(String id, String inReplyTo, OffsetDateTime writtenAt) {
}
