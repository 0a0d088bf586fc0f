package org.reportremove.inbox.entity;

import java.time.Instant;

/** A young person answered a counsellor's message of {@code partner}. Ids only, never the text. */
public record ReplyWritten(String caseId, String partner, String replyId, Instant at) {
}
