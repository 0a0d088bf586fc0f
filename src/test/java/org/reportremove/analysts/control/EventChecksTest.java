package org.reportremove.analysts.control;

import org.junit.jupiter.api.Test;
import org.reportremove.analysts.control.EventChecks.Rejected;
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
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventChecksTest {

    private static final String EVENT_ID = "evt-2025.05:01_0001";
    private static final String AT = "2025-05-01T15:03:00+01:00";
    /** {@link #AT} in UTC, as a checked event carries it. */
    private static final OffsetDateTime AT_UTC = OffsetDateTime.of(2025, 5, 1, 14, 3, 0, 0, ZoneOffset.UTC);
    private static final String LOCATION = "https://images.example.com/board/thread/12345#p6789";

    private static final String LOCATION_RULE = "location: an http or https address of at most 2,048 characters,"
            + " without user name or password, is required for ";
    private static final String EXTRAS = "listName, location, count and platform: each is given only with the action"
            + " it belongs to";

    private final String analyst = AnalystReference.generate().value();
    private final String item = ItemReference.generate().value();

    /** An event to send, with every member settable, starting empty but for the members every kind needs. */
    private final class Event {
        String eventId = EVENT_ID;
        String kind;
        String analystReference = analyst;
        String itemReference;
        String outcome;
        String category;
        String reasonCode;
        String action;
        String listName;
        String location;
        String platform;
        Long count;
        String at = AT;
        String contentType;
        List<IncomingEvent.IncomingSignal> signals;

        Event(ResultEventKind kind) {
            this.kind = kind.name();
        }

        Event with(UnaryOperator<Event> change) {
            return change.apply(this);
        }

        IncomingEvent incoming() {
            return new IncomingEvent(eventId, kind, analystReference, itemReference, outcome, category, reasonCode,
                    action, listName, location, platform, count, at, contentType, signals);
        }
    }

    // Valid events

    @Test
    void actionableAssessmentOfEveryCategoryIsAccepted() {
        for (AssessmentCategory category : AssessmentCategory.values()) {
            Event event = assessment(AssessmentOutcome.ACTIONABLE).with(e -> {
                e.category = category.name();
                return e;
            });

            assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.ASSESSMENT, analyst, item,
                    new Assessment.Finding(item, AssessmentOutcome.ACTIONABLE, category, null, AT_UTC),
                    null, null, null, null, null, AT_UTC), EventChecks.check(event.incoming()));
        }
    }

    @Test
    void notActionableAssessmentOfEveryReasonIsAccepted() {
        for (NotActionableReason reason : NotActionableReason.values()) {
            Event event = assessment(AssessmentOutcome.NOT_ACTIONABLE).with(e -> {
                e.reasonCode = reason.name();
                return e;
            });

            assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.ASSESSMENT, analyst, item,
                    new Assessment.Finding(item, AssessmentOutcome.NOT_ACTIONABLE, null, reason, AT_UTC),
                    null, null, null, null, null, AT_UTC), EventChecks.check(event.incoming()));
        }
    }

    @Test
    void notFoundAssessmentNeedsNeitherCategoryNorReason() {
        assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.ASSESSMENT, analyst, item,
                        new Assessment.Finding(item, AssessmentOutcome.NOT_FOUND, null, null, AT_UTC),
                        null, null, null, null, null, AT_UTC),
                EventChecks.check(assessment(AssessmentOutcome.NOT_FOUND).incoming()));
    }

    @Test
    void hashSharedIsAcceptedWithItsListName() {
        Event event = removal(RemovalActionType.HASH_SHARED).with(e -> {
            e.listName = "Industry hash list_2.0-a";
            return e;
        });

        assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.REMOVAL_ACTION, analyst, item, null,
                        RemovalActionType.HASH_SHARED, "Industry hash list_2.0-a", null, null, null, AT_UTC),
                EventChecks.check(event.incoming()));
    }

    @Test
    void actionsAtALocationAreAcceptedWithAnHttpOrHttpsAddress() {
        for (RemovalActionType action : List.of(RemovalActionType.NOTICE_SENT, RemovalActionType.REMOVED,
                RemovalActionType.REAPPEARED)) {
            for (String location : List.of(LOCATION, "http://example.org", "HTTPS://Example.org/a?b=c",
                    "https://example.com/" + "a".repeat(2048 - "https://example.com/".length()))) {
                Event event = removal(action).with(e -> {
                    e.location = location;
                    return e;
                });

                assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.REMOVAL_ACTION, analyst, item, null,
                        action, null, location, null, null, AT_UTC), EventChecks.check(event.incoming()));
            }
        }
    }

    @Test
    void uploadsBlockedIsAcceptedWithACountFromNoneToABillionOnAPlatform() {
        for (Platform platform : Platform.values()) {
            for (long count : new long[]{0, 1, 999, 1_000_000_000L}) {
                Event event = removal(RemovalActionType.UPLOADS_BLOCKED).with(e -> {
                    e.platform = platform.name();
                    e.count = count;
                    return e;
                });

                assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.REMOVAL_ACTION, analyst, item, null,
                        RemovalActionType.UPLOADS_BLOCKED, null, null, platform.name(), (int) count, AT_UTC),
                        EventChecks.check(event.incoming()));
            }
        }
    }

    @Test
    void removalActionNeedNotNameAnItem() {
        Event event = removal(RemovalActionType.REMOVED).with(e -> {
            e.itemReference = null;
            e.location = LOCATION;
            return e;
        });

        assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.REMOVAL_ACTION, analyst, null, null,
                RemovalActionType.REMOVED, null, LOCATION, null, null, AT_UTC), EventChecks.check(event.incoming()));
    }

    @Test
    void caseClosedIsAcceptedWithItsReferenceAndTime() {
        assertEquals(new CheckedEvent(EVENT_ID, ResultEventKind.CASE_CLOSED, analyst, null, null, null, null, null,
                        null, null, AT_UTC),
                EventChecks.check(new Event(ResultEventKind.CASE_CLOSED).incoming()));
    }

    @Test
    void anItemFoundByTheAnalystsIsAcceptedWithItsNewReferenceTypeAndSignals() {
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
        CheckedEvent checked = EventChecks.check(found(new IncomingEvent.IncomingSignal("SHA256", sha, null),
                new IncomingEvent.IncomingSignal("PDQ", pdq, 90)).incoming());

        assertEquals(ResultEventKind.ITEM_FOUND, checked.kind());
        assertEquals(item, checked.itemReference());
        assertEquals(new ItemDraft(ContentType.PHOTO, Set.of(Signal.exact(SignalType.SHA256, sha),
                Signal.pdq(pdq, 90)), List.of()), checked.found());
    }

    @Test
    void anItemFoundNeedsAReferenceAKnownTypeAndValidSignalsWithAnExactOne() {
        String pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
        IncomingEvent.IncomingSignal sha = new IncomingEvent.IncomingSignal("MD5", "098f6bcd4621d373cade4e832627b4f6",
                null);
        assertRejected("itemReference: the new item's reference, made by the analyst side, is required for"
                + " ITEM_FOUND", found(sha).with(e -> {
                    e.itemReference = null;
                    return e;
                }));
        assertRejected("contentType: must be one of PHOTO, VIDEO", found(sha).with(e -> {
            e.contentType = "IMAGE";
            return e;
        }));
        assertRejected("signals: 1 to 10 signals are required for ITEM_FOUND", found());
        assertRejected("signals: at least one SHA256 or MD5 signal is required",
                found(new IncomingEvent.IncomingSignal("PDQ", pdq, 90)));
        assertRejectedWithout("not-hex", "signals[0].value: a MD5 value must be 32 hexadecimal characters, got 7",
                found(new IncomingEvent.IncomingSignal("MD5", "not-hex", null)));
        assertRejected("holds members that do not belong to a ITEM_FOUND event", found(sha).with(e -> {
            e.outcome = "ACTIONABLE";
            return e;
        }));
        assertRejected("contentType and signals: are given only with an ITEM_FOUND event",
                new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                    e.signals = List.of(sha);
                    return e;
                }));
    }

    private Event found(IncomingEvent.IncomingSignal... signals) {
        return new Event(ResultEventKind.ITEM_FOUND).with(e -> {
            e.itemReference = item;
            e.contentType = "PHOTO";
            e.signals = List.of(signals);
            return e;
        });
    }

    @Test
    void eventIdsOfEightToSixtyFourAllowedCharactersAreAccepted() {
        for (String eventId : List.of("a".repeat(8), "Z".repeat(64), "0123456789._:-AZaz")) {
            Event event = new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.eventId = eventId;
                return e;
            });

            assertEquals(eventId, EventChecks.check(event.incoming()).eventId());
        }
    }

    @Test
    void eventFromAFewMinutesAheadIsAcceptedForClockSkew() {
        OffsetDateTime ahead = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(4).truncatedTo(ChronoUnit.SECONDS);
        Event event = new Event(ResultEventKind.CASE_CLOSED).with(e -> {
            e.at = ahead.withOffsetSameInstant(ZoneOffset.ofHours(-5)).toString();
            return e;
        });

        assertEquals(ahead, EventChecks.check(event.incoming()).at());
    }

    // Rejected events: each names the member and the rule, never the value sent

    @Test
    void emptyEventIsRejected() {
        Rejected rejected = assertThrows(Rejected.class, () -> EventChecks.check(null));
        assertRejected("the event is empty", rejected);
    }

    @Test
    void eventIdTooShortTooLongMissingOrWithOtherCharactersIsRejected() {
        String detail = "eventId: 8 to 64 letters, digits, '.', '_', ':' or '-' are required";
        for (String eventId : new String[]{null, "", "evt-123", "E".repeat(65), "evt 0001 with spaces", "evt/0001/x",
                "évènement-0001", "evt-0001\n"}) {
            assertRejectedWithout(eventId, detail, new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.eventId = eventId;
                return e;
            }));
        }
    }

    @Test
    void unknownKindIsRejectedWithTheKindsThatExist() {
        String detail = "kind: must be one of ASSESSMENT, REMOVAL_ACTION, CASE_CLOSED, ITEM_FOUND";
        for (String kind : new String[]{null, "", "assessment", "CASE_REOPENED", "CASE_CLOSED "}) {
            assertRejectedWithout(kind, detail, new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.kind = kind;
                return e;
            }));
        }
    }

    @Test
    void badAnalystReferenceIsRejected() {
        String detail = "analystReference: an analyst reference such as AR-7K3P-9QX2-M4TD-Q8RW is required";
        for (String reference : new String[]{null, "", analyst.toLowerCase(), analyst.substring(0, 17),
                analyst + "-ABCD", "AR-ILOU-9QX2-M4TD-Q8RW", item, "RR-7K3P-9QX2-M4TD"}) {
            assertRejectedWithout(reference, detail, new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.analystReference = reference;
                return e;
            }));
        }
    }

    @Test
    void badItemReferenceIsRejected() {
        String detail = "itemReference: must be an item reference such as AI-7K3P-9QX2-M4TD-Q8RW";
        for (String reference : new String[]{"", item.toLowerCase(), item.substring(0, 17), "AI-ILOU-9QX2-M4TD-Q8RW",
                analyst}) {
            assertRejectedWithout(reference, detail, assessment(AssessmentOutcome.NOT_FOUND).with(e -> {
                e.itemReference = reference;
                return e;
            }));
        }
    }

    @Test
    void assessmentWithoutItemIsRejected() {
        assertRejected("itemReference: is required for an assessment",
                assessment(AssessmentOutcome.NOT_FOUND).with(e -> {
                    e.itemReference = null;
                    return e;
                }));
    }

    @Test
    void unknownOutcomeIsRejected() {
        for (String outcome : new String[]{null, "actionable", "MAYBE"}) {
            assertRejectedWithout(outcome, "outcome: must be one of ACTIONABLE, NOT_ACTIONABLE, NOT_FOUND",
                    assessment(AssessmentOutcome.NOT_FOUND).with(e -> {
                        e.outcome = outcome;
                        return e;
                    }));
        }
    }

    @Test
    void actionableAssessmentWithoutAKnownCategoryIsRejected() {
        for (String category : new String[]{null, "AA", "Z9"}) {
            assertRejectedWithout(category, "category: must be one of A, B, C, PROHIBITED",
                    assessment(AssessmentOutcome.ACTIONABLE).with(e -> {
                        e.category = category;
                        return e;
                    }));
        }
    }

    @Test
    void categoryWithoutActionableIsRejected() {
        for (AssessmentOutcome outcome : List.of(AssessmentOutcome.NOT_ACTIONABLE, AssessmentOutcome.NOT_FOUND)) {
            assertRejectedWithout("PROHIBITED", "category: is given only when the outcome is ACTIONABLE",
                    assessment(outcome).with(e -> {
                        e.category = "PROHIBITED";
                        e.reasonCode = outcome == AssessmentOutcome.NOT_ACTIONABLE ? "OUTSIDE_REMIT" : null;
                        return e;
                    }));
        }
    }

    @Test
    void notActionableAssessmentWithoutAKnownReasonIsRejected() {
        String detail = "reasonCode: must be one of NOT_SEXUAL, AGE_NOT_ESTABLISHED, NOT_THE_REPORTED_ITEM,"
                + " OUTSIDE_REMIT, OTHER";
        for (String reason : new String[]{null, "other", "TOO_BLURRY"}) {
            assertRejectedWithout(reason, detail, assessment(AssessmentOutcome.NOT_ACTIONABLE).with(e -> {
                e.reasonCode = reason;
                return e;
            }));
        }
    }

    @Test
    void reasonWithoutNotActionableIsRejected() {
        for (AssessmentOutcome outcome : List.of(AssessmentOutcome.ACTIONABLE, AssessmentOutcome.NOT_FOUND)) {
            assertRejectedWithout("AGE_NOT_ESTABLISHED", "reasonCode: is given only when the outcome is NOT_ACTIONABLE",
                    assessment(outcome).with(e -> {
                        e.category = outcome == AssessmentOutcome.ACTIONABLE ? "B" : null;
                        e.reasonCode = "AGE_NOT_ESTABLISHED";
                        return e;
                    }));
        }
    }

    @Test
    void assessmentHoldingAnyRemovalMemberIsRejected() {
        List<UnaryOperator<Event>> foreign = new ArrayList<>(actionMembers().values());
        foreign.add(e -> {
            e.action = "REMOVED";
            return e;
        });
        for (UnaryOperator<Event> member : foreign) {
            assertRejected("holds members that do not belong to a ASSESSMENT event",
                    assessment(AssessmentOutcome.NOT_FOUND).with(member));
        }
    }

    @Test
    void removalActionHoldingAnyAssessmentMemberIsRejected() {
        for (UnaryOperator<Event> foreign : assessmentMembers()) {
            assertRejected("holds members that do not belong to a REMOVAL_ACTION event",
                    removal(RemovalActionType.REMOVED).with(e -> {
                        e.location = LOCATION;
                        return foreign.apply(e);
                    }));
        }
    }

    @Test
    void caseClosedHoldingAnItemOutcomeOrActionIsRejected() {
        List<UnaryOperator<Event>> foreign = List.of(
                e -> {
                    e.itemReference = item;
                    return e;
                },
                e -> {
                    e.outcome = "NOT_FOUND";
                    return e;
                },
                e -> {
                    e.action = "REMOVED";
                    return e;
                });
        for (UnaryOperator<Event> member : foreign) {
            assertRejected("holds members that do not belong to a CASE_CLOSED event",
                    new Event(ResultEventKind.CASE_CLOSED).with(member));
        }
    }

    @Test
    void unknownActionIsRejected() {
        for (String action : new String[]{null, "removed", "TAKEN_DOWN"}) {
            assertRejectedWithout(action,
                    "action: must be one of HASH_SHARED, NOTICE_SENT, REMOVED, REAPPEARED, UPLOADS_BLOCKED",
                    removal(RemovalActionType.REMOVED).with(e -> {
                        e.action = action;
                        e.location = LOCATION;
                        return e;
                    }));
        }
    }

    @Test
    void hashSharedWithoutAProperListNameIsRejected() {
        String detail = "listName: the hash list's name (1 to 64 letters, digits, spaces, '.', '_' or '-') is required"
                + " for HASH_SHARED";
        for (String listName : new String[]{null, "", "L".repeat(65), "list/with/slashes", "list\nname", "<list>"}) {
            assertRejectedWithout(listName, detail, removal(RemovalActionType.HASH_SHARED).with(e -> {
                e.listName = listName;
                return e;
            }));
        }
    }

    @Test
    void actionAtALocationWithoutAnAcceptableAddressIsRejected() {
        List<String> locations = Arrays.asList(null, "", "ftp://files.example.com/x.jpg",
                "https://someone:secret@images.example.com/x", "https://someone@images.example.com/x",
                "https://images.example.com/" + "p".repeat(2049 - "https://images.example.com/".length()),
                "images.example.com/x", "javascript:alert(1)", "https:///no-host", "https://exa mple.com/");
        for (RemovalActionType action : List.of(RemovalActionType.NOTICE_SENT, RemovalActionType.REMOVED,
                RemovalActionType.REAPPEARED)) {
            for (String location : locations) {
                assertRejectedWithout(location, LOCATION_RULE + action.name(), removal(action).with(e -> {
                    e.location = location;
                    return e;
                }));
            }
        }
    }

    @Test
    void uploadsBlockedWithoutACountInRangeIsRejected() {
        String detail = "count: the number of uploads blocked (0 to 1,000,000,000) is required for UPLOADS_BLOCKED";
        for (Long count : new Long[]{null, -1L, -1_000_000_000L, 1_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertRejectedWithout(count == null ? null : String.valueOf(count), detail,
                    removal(RemovalActionType.UPLOADS_BLOCKED).with(e -> {
                        e.count = count;
                        e.platform = "TIKTOK";
                        return e;
                    }));
        }
    }

    @Test
    void uploadsBlockedWithoutAKnownPlatformIsRejected() {
        String detail = "platform: must be one of " + Arrays.stream(Platform.values()).map(Enum::name)
                .collect(Collectors.joining(", "));
        for (String platform : new String[]{null, "tiktok", "MYSPACE"}) {
            assertRejectedWithout(platform, detail, removal(RemovalActionType.UPLOADS_BLOCKED).with(e -> {
                e.count = 12L;
                e.platform = platform;
                return e;
            }));
        }
    }

    @Test
    void removalActionHoldingAMemberOfAnotherActionIsRejected() {
        Map<String, UnaryOperator<Event>> members = actionMembers();
        Map<RemovalActionType, Set<String>> own = Map.of(
                RemovalActionType.HASH_SHARED, Set.of("listName"),
                RemovalActionType.NOTICE_SENT, Set.of("location"),
                RemovalActionType.REMOVED, Set.of("location"),
                RemovalActionType.REAPPEARED, Set.of("location"),
                RemovalActionType.UPLOADS_BLOCKED, Set.of("platform", "count"));
        int rejected = 0;
        for (RemovalActionType action : RemovalActionType.values()) {
            for (String foreign : members.keySet()) {
                if (own.get(action).contains(foreign)) {
                    continue;
                }
                Event event = removal(action);
                own.get(action).forEach(member -> members.get(member).apply(event));
                assertEquals(action, EventChecks.check(event.incoming()).action());

                assertRejected(EXTRAS, members.get(foreign).apply(event));
                rejected++;
            }
        }
        assertEquals(5 * 4 - 1 - 3 * 1 - 2, rejected);
    }

    @Test
    void eventWithoutATimeIsRejected() {
        assertRejected("at: the time of the event (ISO 8601 with an offset) is required",
                new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                    e.at = null;
                    return e;
                }));
    }

    @Test
    void timeThatIsNotIsoWithAnOffsetIsRejected() {
        String detail = "at: must be ISO 8601 with an offset, for example 2025-05-01T14:03:00Z";
        for (String at : new String[]{"", "2025-06-02T09:30:00", "2025-06-02", "02/06/2025 09:30 +01:00",
                "1748856600", "2025-13-02T09:30:00Z", "yesterday"}) {
            assertRejectedWithout(at, detail, new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.at = at;
                return e;
            }));
        }
    }

    @Test
    void timeMoreThanFiveMinutesAheadIsRejected() {
        for (OffsetDateTime ahead : List.of(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6),
                OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1), OffsetDateTime.now().plusYears(20))) {
            String at = ahead.truncatedTo(ChronoUnit.SECONDS).toString();
            assertRejectedWithout(at, "at: is in the future", new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.at = at;
                return e;
            }));
        }
    }

    @Test
    void timesAtTheEdgesOfWhatCanBeHeldAreRejectedNotFailed() {
        // The first cannot be moved to UTC (past the last instant there is); the others PostgreSQL cannot store.
        for (String at : List.of("+999999999-12-31T23:59:59-01:00", "+300000-01-01T00:00:00Z")) {
            assertRejectedWithout(at, "at: is in the future", new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                e.at = at;
                return e;
            }));
        }
        for (String at : List.of("-999999999-01-01T00:00:00+01:00", "-5000-01-01T00:00:00Z",
                "1999-12-31T23:59:59Z", "2000-01-01T00:30:00+01:00")) {
            assertRejectedWithout(at, "at: is before 2000, earlier than any case",
                    new Event(ResultEventKind.CASE_CLOSED).with(e -> {
                        e.at = at;
                        return e;
                    }));
        }
    }

    @Test
    void rulesAreCheckedInOrderSoTheFirstBrokenMemberIsNamed() {
        Event broken = assessment(AssessmentOutcome.ACTIONABLE).with(e -> {
            e.at = "soon";
            e.itemReference = "AI-0000";
            e.analystReference = "AR-0000";
            return e;
        });

        assertRejected("analystReference: an analyst reference such as AR-7K3P-9QX2-M4TD-Q8RW is required", broken);
        broken.analystReference = analyst;
        assertRejected("itemReference: must be an item reference such as AI-7K3P-9QX2-M4TD-Q8RW", broken);
        broken.itemReference = item;
        assertRejected("at: must be ISO 8601 with an offset, for example 2025-05-01T14:03:00Z", broken);
        broken.at = AT;
        assertRejected("category: must be one of A, B, C, PROHIBITED", broken);
    }

    private Event assessment(AssessmentOutcome outcome) {
        return new Event(ResultEventKind.ASSESSMENT).with(e -> {
            e.itemReference = item;
            e.outcome = outcome.name();
            return e;
        });
    }

    private Event removal(RemovalActionType action) {
        return new Event(ResultEventKind.REMOVAL_ACTION).with(e -> {
            e.itemReference = item;
            e.action = action.name();
            return e;
        });
    }

    /** Setting each member that belongs to some removal actions only, by its name. */
    private static Map<String, UnaryOperator<Event>> actionMembers() {
        return Map.of(
                "listName", e -> {
                    e.listName = "list";
                    return e;
                },
                "location", e -> {
                    e.location = LOCATION;
                    return e;
                },
                "platform", e -> {
                    e.platform = "X";
                    return e;
                },
                "count", e -> {
                    e.count = 0L;
                    return e;
                });
    }

    /** Setting each member that belongs to an assessment only. */
    private static List<UnaryOperator<Event>> assessmentMembers() {
        return List.of(
                e -> {
                    e.outcome = "NOT_FOUND";
                    return e;
                },
                e -> {
                    e.category = "A";
                    return e;
                },
                e -> {
                    e.reasonCode = "OTHER";
                    return e;
                });
    }

    private static void assertRejected(String detail, Event event) {
        assertRejected(detail, assertThrows(Rejected.class, () -> EventChecks.check(event.incoming())));
    }

    private static void assertRejected(String detail, Rejected rejected) {
        assertAll(
                () -> assertEquals(EventChecks.INVALID_EVENT, rejected.reason),
                () -> assertEquals("INVALID_EVENT", rejected.reason),
                () -> assertEquals(detail, rejected.getMessage()));
    }

    /** Rejected with this detail, which never repeats what was sent. */
    private static void assertRejectedWithout(String sent, String detail, Event event) {
        Rejected rejected = assertThrows(Rejected.class, () -> EventChecks.check(event.incoming()),
                () -> "accepted " + sent);
        assertRejected(detail, rejected);
        if (sent != null && !sent.isEmpty()) {
            assertFalse(rejected.getMessage().contains(sent), () -> "repeats " + sent);
        }
    }
}
