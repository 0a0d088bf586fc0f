package org.reportremove.analysts.entity;

import org.reportremove.platform.security.Actor;

/** The analyst side found an item at a place a case names, and it joined the case. Never carries its signals. */
public record AnalystItemFound(String caseId, String eventId, Actor actor) {
}
