package org.reportremove.analysts.entity;

import org.reportremove.platform.security.Actor;

/** A removal action for a case was recorded (a hash shared, a notice sent, a removal, ...). */
public record RemovalRecorded(String caseId, String eventId, RemovalActionType action, Actor actor) {
}
