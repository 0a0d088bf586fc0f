package org.reportremove.analysts.control;

import org.reportremove.analysts.entity.Assessment;
import org.reportremove.analysts.entity.AssessmentCategory;
import org.reportremove.analysts.entity.AssessmentOutcome;
import org.reportremove.analysts.entity.NotActionableReason;
import org.reportremove.analysts.entity.RemovalActionType;
import org.reportremove.analysts.entity.ResultEventKind;
import org.reportremove.cases.entity.AnalystReference;
import org.reportremove.cases.entity.ContentType;
import org.reportremove.cases.entity.ItemDraft;
import org.reportremove.cases.entity.ItemReference;
import org.reportremove.cases.entity.Platform;
import org.reportremove.cases.entity.WebAddress;
import org.reportremove.platform.time.ServiceTimes;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The value rules of result events: each broken rule is a rejection naming the member, for that event alone.
 * Messages name members and rules, never the values sent.
 */
final class EventChecks {

    static final String INVALID_EVENT = "INVALID_EVENT";
    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");
    private static final long MAX_COUNT = 1_000_000_000L;
    private static final int MAX_SIGNALS = 10;
    // Clocks on the two sides differ a little; an event from further in the future than this is impossible.
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private EventChecks() {
    }

    /** Thrown for the first broken rule of an event. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;

        Rejected(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    static CheckedEvent check(IncomingEvent event) {
        if (event == null) {
            throw invalid("the event is empty");
        }
        if (event.eventId() == null || !EVENT_ID.matcher(event.eventId()).matches()) {
            throw invalid("eventId: 8 to 64 letters, digits, '.', '_', ':' or '-' are required");
        }
        ResultEventKind kind = oneOf(ResultEventKind.class, event.kind(), "kind");
        if (AnalystReference.parse(event.analystReference()).isEmpty()) {
            throw invalid("analystReference: an analyst reference such as AR-7K3P-9QX2-M4TD-Q8RW is required");
        }
        if (event.itemReference() != null && ItemReference.parse(event.itemReference()).isEmpty()) {
            throw invalid("itemReference: must be an item reference such as AI-7K3P-9QX2-M4TD-Q8RW");
        }
        OffsetDateTime at = time(event.at());
        if (kind != ResultEventKind.ITEM_FOUND && (event.contentType() != null || event.signals() != null)) {
            throw invalid("contentType and signals: are given only with an ITEM_FOUND event");
        }
        return switch (kind) {
            case ITEM_FOUND -> itemFound(event, at);
            case ASSESSMENT -> assessment(event, at);
            case REMOVAL_ACTION -> removal(event, at);
            case CASE_CLOSED -> {
                onlyFor(kind, event.itemReference() == null && event.outcome() == null && event.action() == null);
                yield new CheckedEvent(event.eventId(), kind, event.analystReference(), null, null, null, null, null,
                        null, null, at);
            }
        };
    }

    /** An item the analyst side found at a place the case names: the new item's reference, type and signals. */
    private static CheckedEvent itemFound(IncomingEvent event, OffsetDateTime at) {
        if (event.itemReference() == null) {
            throw invalid("itemReference: the new item's reference, made by the analyst side, is required for"
                    + " ITEM_FOUND");
        }
        onlyFor(ResultEventKind.ITEM_FOUND, event.outcome() == null && event.category() == null
                && event.reasonCode() == null && event.action() == null && event.location() == null
                && event.listName() == null && event.platform() == null && event.count() == null);
        ContentType contentType = oneOf(ContentType.class, event.contentType(), "contentType");
        if (event.signals() == null || event.signals().isEmpty() || event.signals().size() > MAX_SIGNALS) {
            throw invalid("signals: 1 to " + MAX_SIGNALS + " signals are required for ITEM_FOUND");
        }
        Set<Signal> signals = new LinkedHashSet<>();
        for (int i = 0; i < event.signals().size(); i++) {
            IncomingEvent.IncomingSignal sent = event.signals().get(i);
            String where = "signals[" + i + "]";
            if (sent == null) {
                throw invalid(where + ": is required");
            }
            SignalType type = SignalType.named(sent.type()).orElseThrow(() -> invalid(where + ".type: must be one of "
                    + SignalType.names()));
            try {
                signals.add(new Signal(type, sent.value(), sent.quality()));
            } catch (Signal.InvalidQualityException e) {
                throw invalid(where + ".quality: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw invalid(where + ".value: " + e.getMessage());
            }
        }
        if (signals.stream().noneMatch(signal -> signal.type().exact())) {
            throw invalid("signals: at least one " + SignalType.exactNames() + " signal is required");
        }
        return new CheckedEvent(event.eventId(), ResultEventKind.ITEM_FOUND, event.analystReference(),
                event.itemReference(), null, null, null, null, null, null, at,
                new ItemDraft(contentType, signals, List.of()));
    }

    private static CheckedEvent assessment(IncomingEvent event, OffsetDateTime at) {
        if (event.itemReference() == null) {
            throw invalid("itemReference: is required for an assessment");
        }
        onlyFor(ResultEventKind.ASSESSMENT, event.action() == null && event.location() == null
                && event.listName() == null && event.platform() == null && event.count() == null);
        AssessmentOutcome outcome = oneOf(AssessmentOutcome.class, event.outcome(), "outcome");
        AssessmentCategory category = null;
        NotActionableReason reason = null;
        if (outcome == AssessmentOutcome.ACTIONABLE) {
            category = oneOf(AssessmentCategory.class, event.category(), "category");
        } else if (event.category() != null) {
            throw invalid("category: is given only when the outcome is ACTIONABLE");
        }
        if (outcome == AssessmentOutcome.NOT_ACTIONABLE) {
            reason = oneOf(NotActionableReason.class, event.reasonCode(), "reasonCode");
        } else if (event.reasonCode() != null) {
            throw invalid("reasonCode: is given only when the outcome is NOT_ACTIONABLE");
        }
        return new CheckedEvent(event.eventId(), ResultEventKind.ASSESSMENT, event.analystReference(),
                event.itemReference(), new Assessment.Finding(event.itemReference(), outcome, category, reason, at),
                null, null, null, null, null, at);
    }

    private static CheckedEvent removal(IncomingEvent event, OffsetDateTime at) {
        onlyFor(ResultEventKind.REMOVAL_ACTION, event.outcome() == null && event.category() == null
                && event.reasonCode() == null);
        RemovalActionType action = oneOf(RemovalActionType.class, event.action(), "action");
        String listName = null;
        String location = null;
        String platform = null;
        Integer count = null;
        if (action == RemovalActionType.HASH_SHARED) {
            if (event.listName() == null || !LIST_NAME.matcher(event.listName()).matches()) {
                throw invalid("listName: the hash list's name (1 to 64 letters, digits, spaces, '.', '_' or '-')"
                        + " is required for HASH_SHARED");
            }
            listName = event.listName();
        }
        if (action.atLocation()) {
            location = url(event.location(), action);
        }
        if (action == RemovalActionType.UPLOADS_BLOCKED) {
            if (event.count() == null || event.count() < 0 || event.count() > MAX_COUNT) {
                throw invalid("count: the number of uploads blocked (0 to 1,000,000,000) is required for"
                        + " UPLOADS_BLOCKED");
            }
            platform = oneOf(Platform.class, event.platform(), "platform").name();
            count = event.count().intValue();
        }
        boolean extras = (action != RemovalActionType.HASH_SHARED && event.listName() != null)
                || (!action.atLocation() && event.location() != null)
                || (action != RemovalActionType.UPLOADS_BLOCKED && (event.count() != null || event.platform() != null));
        if (extras) {
            throw invalid("listName, location, count and platform: each is given only with the action it belongs to");
        }
        return new CheckedEvent(event.eventId(), ResultEventKind.REMOVAL_ACTION, event.analystReference(),
                event.itemReference(), null, action, listName, location, platform, count, at);
    }

    private static String url(String url, RemovalActionType action) {
        String rule = "location: an http or https address of at most 2,048 characters, without user name or"
                + " password, is required for " + action.name();
        try {
            return new WebAddress(url).value();
        } catch (WebAddress.InvalidWebAddress e) {
            throw invalid(rule);
        }
    }

    private static OffsetDateTime time(String at) {
        if (at == null) {
            throw invalid("at: the time of the event (ISO 8601 with an offset) is required");
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw invalid("at: must be ISO 8601 with an offset, for example 2025-05-01T14:03:00Z");
        }
        // Compared before converting to UTC: a year near the parser's limits cannot be moved to another offset,
        // and one far in the past fails only when the database stores it. No event is older than the service's
        // times (ServiceTimes).
        if (time.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plus(CLOCK_SKEW))) {
            throw invalid("at: is in the future");
        }
        if (ServiceTimes.beforeEarliest(time)) {
            throw invalid("at: is before 2000, earlier than any case");
        }
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static void onlyFor(ResultEventKind kind, boolean onlyItsOwnMembers) {
        if (!onlyItsOwnMembers) {
            throw invalid("holds members that do not belong to a " + kind.name() + " event");
        }
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String value, String member) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw invalid(member + ": must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    private static Rejected invalid(String detail) {
        return new Rejected(INVALID_EVENT, detail);
    }
}
