package org.reportremove.analysts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A result event id that has been dealt with, so that the same event sent again changes nothing. Rejected
 * events are not kept: the analyst side may correct one and send it again under the same id.
 */
@Entity
@Table(name = "analyst_result_event")
public class ResultEvent {

    /** What became of an event that was not rejected. */
    public enum Outcome {
        APPLIED,
        /** The case was withdrawn or erased: the event is kept so a replay is a duplicate, but changes nothing. */
        IGNORED
    }

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private ResultEventKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private Outcome outcome;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected ResultEvent() {
    }

    public static ResultEvent dealtWith(String eventId, ResultEventKind kind, Outcome outcome) {
        ResultEvent event = new ResultEvent();
        event.eventId = eventId;
        event.kind = kind;
        event.outcome = outcome;
        event.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return event;
    }
}
