package org.reportremove.analysts.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.analysts.control.IncomingEvent;

import java.util.List;

/**
 * Up to 1,000 result events. Each event is checked on its own, so the events are not validated here.
 */
public record ResultBatchRequest(@NotNull(message = "is required: 1 to 1,000 events") List<IncomingEvent> events) {
}
