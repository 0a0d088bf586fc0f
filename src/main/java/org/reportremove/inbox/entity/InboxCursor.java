package org.reportremove.inbox.entity;

import org.reportremove.platform.time.ServiceTimes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the next page of an inbox starts: after the message written at {@code writtenAt} with {@code id} (newest
 * first, so "after" means older). Sent to the client as an opaque string.
 */
public record InboxCursor(Instant writtenAt, String id) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((writtenAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not a cursor this service gave out. */
    public static Optional<InboxCursor> parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (bar < 0 || !ID.matcher(decoded.substring(bar + 1)).matches()) {
                return Optional.empty();
            }
            Instant writtenAt = Instant.parse(decoded.substring(0, bar));
            if (!ServiceTimes.holds(writtenAt)) {
                return Optional.empty();
            }
            return Optional.of(new InboxCursor(writtenAt, decoded.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
