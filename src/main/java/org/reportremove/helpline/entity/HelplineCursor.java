package org.reportremove.helpline.entity;

import org.reportremove.platform.time.ServiceTimes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the next page of a helpline's case list starts: after the case with this safeguarding rank, submission time
 * and id (the list's own order). Sent to the client as an opaque string.
 */
public record HelplineCursor(int rank, Instant submittedAt, String id) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((rank + "|" + submittedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not a cursor this service gave out. */
    public static Optional<HelplineCursor> parse(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].matches("[0-9]") || !ID.matcher(parts[2]).matches()) {
                return Optional.empty();
            }
            int rank = Integer.parseInt(parts[0]);
            if (rank > SafeguardingFlag.NO_FLAG) {
                return Optional.empty();
            }
            Instant submittedAt = Instant.parse(parts[1]);
            if (!ServiceTimes.holds(submittedAt)) {
                return Optional.empty();
            }
            return Optional.of(new HelplineCursor(rank, submittedAt, parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
