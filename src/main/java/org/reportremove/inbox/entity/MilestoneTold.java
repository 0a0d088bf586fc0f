package org.reportremove.inbox.entity;

import org.reportremove.cases.entity.ProgressStage;

import java.time.Instant;

/** A young person was told, once, that a case of theirs reached a milestone. Ids and the milestone only. */
public record MilestoneTold(String caseId, ProgressStage milestone, Instant at) {
}
