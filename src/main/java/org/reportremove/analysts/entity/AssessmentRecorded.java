package org.reportremove.analysts.entity;

import org.reportremove.platform.security.Actor;

/** The analyst side's assessment of an item of a case was recorded. Never carries the category. */
public record AssessmentRecorded(String caseId, String eventId, Actor actor) {
}
