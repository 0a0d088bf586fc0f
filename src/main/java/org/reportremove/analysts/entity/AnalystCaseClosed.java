package org.reportremove.analysts.entity;

import org.reportremove.platform.security.Actor;

/** The analyst side closed its work on a case. */
public record AnalystCaseClosed(String caseId, String eventId, Actor actor) {
}
