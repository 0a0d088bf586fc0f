package org.reportremove.analysts.control;

import org.reportremove.analysts.entity.Assessment;
import org.reportremove.analysts.entity.ResultEventKind;
import org.reportremove.cases.entity.ItemDraft;
import org.reportremove.analysts.entity.RemovalActionType;

import java.time.OffsetDateTime;

/**
 * A result event whose values are all possible; whether its references exist is checked against the case.
 *
 * @param finding  for an assessment
 * @param location for an action at a location: the URL, still in the clear (sealed when stored)
 * @param found    for {@code ITEM_FOUND}: the item the analyst side found, its signals checked
 */
public record CheckedEvent(String eventId, ResultEventKind kind, String analystReference, String itemReference,
                    Assessment.Finding finding, RemovalActionType action, String listName, String location,
                    String platform, Integer count, OffsetDateTime at, ItemDraft found) {

    /** An event of a kind that carries no item of its own. */
    CheckedEvent(String eventId, ResultEventKind kind, String analystReference, String itemReference,
                 Assessment.Finding finding, RemovalActionType action, String listName, String location,
                 String platform, Integer count, OffsetDateTime at) {
        this(eventId, kind, analystReference, itemReference, finding, action, listName, location, platform, count, at,
                null);
    }
}
