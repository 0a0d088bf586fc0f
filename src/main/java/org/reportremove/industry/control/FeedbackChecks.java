package org.reportremove.industry.control;

import org.reportremove.industry.entity.FeedbackOutcome;
import org.reportremove.industry.entity.NotBlockedReason;
import org.reportremove.platform.validation.FieldError;
import org.reportremove.platform.validation.InvalidFields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a whole batch of feedback before any of it is applied: a batch with one bad event is refused as a whole
 * (every wrong field named), so a platform never has to work out which half went in.
 */
public final class FeedbackChecks {

    public static final int MAX_BATCH = 1000;
    /** A platform's own event id: what its systems can make, nothing that could carry content. */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern FEED_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_COUNT = 1_000_000_000;

    /** One event as sent, unchecked. */
    public record Sent(String eventId, String id, String outcome, Long count, String reason) {
    }

    private FeedbackChecks() {
    }

    public static List<FeedbackEvent> check(List<Sent> events) {
        List<FieldError> errors = new ArrayList<>();
        if (events == null || events.isEmpty() || events.size() > MAX_BATCH) {
            throw InvalidFields.of("events", "must hold 1 to 1,000 events");
        }
        List<FeedbackEvent> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "].";
            Sent sent = events.get(i);
            if (sent == null) {
                errors.add(new FieldError("events[" + i + "]", "must be an event object"));
                continue;
            }
            if (sent.eventId() == null || !EVENT_ID.matcher(sent.eventId()).matches()) {
                errors.add(new FieldError(at + "eventId", "is required: your own id for this event, 1 to 64 letters,"
                        + " digits, '.', '_', ':' or '-'"));
            } else if (!ids.add(sent.eventId())) {
                errors.add(new FieldError(at + "eventId", "is given twice in this batch"));
            }
            if (sent.id() == null || !FEED_ID.matcher(sent.id()).matches()) {
                errors.add(new FieldError(at + "id", "is required: the id of a signal as the feed gave it"));
            }
            FeedbackOutcome outcome = parse(FeedbackOutcome.class, sent.outcome());
            if (outcome == null) {
                errors.add(new FieldError(at + "outcome", "must be one of " + names(FeedbackOutcome.values())));
                continue;
            }
            NotBlockedReason reason = null;
            if (outcome == FeedbackOutcome.NOT_BLOCKED) {
                reason = parse(NotBlockedReason.class, sent.reason());
                if (reason == null) {
                    errors.add(new FieldError(at + "reason", "is required for NOT_BLOCKED: one of "
                            + names(NotBlockedReason.values())));
                }
                if (sent.count() != null) {
                    errors.add(new FieldError(at + "count", "is given only with MATCHED or REMOVED"));
                }
            } else {
                if (sent.count() == null || sent.count() < 1 || sent.count() > MAX_COUNT) {
                    errors.add(new FieldError(at + "count", "is required for " + outcome
                            + ": a whole number from 1 to 1,000,000,000"));
                }
                if (sent.reason() != null) {
                    errors.add(new FieldError(at + "reason", "is given only with NOT_BLOCKED"));
                }
            }
            if (errors.isEmpty()) {
                checked.add(new FeedbackEvent(sent.eventId(), sent.id(), outcome,
                        sent.count() == null ? null : sent.count().intValue(), reason));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return checked;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
