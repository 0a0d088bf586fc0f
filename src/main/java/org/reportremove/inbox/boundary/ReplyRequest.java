package org.reportremove.inbox.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.platform.problem.ProblemException;

/**
 * A young person's answer to a counsellor's message: 1 to 1,000 characters. Messages are short notes, not a chat.
 */
public record ReplyRequest(@NotNull(message = "is required") String text) {

    static final int MOST = 1_000;

    /** The text without surrounding space; never repeated in an answer that refuses it. */
    static String checked(String text) {
        if (text.isBlank()) {
            throw ProblemException.invalidField("text", "must hold some text");
        }
        if (text.length() > MOST) {
            throw ProblemException.invalidField("text", "must be at most 1,000 characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ProblemException.invalidField("text", "must not hold control characters");
        }
        return text.strip();
    }
}
