package org.reportremove.cases.entity;

/**
 * Where a case is, in the order a young person would expect it to move; also the milestones a case reaches. A case
 * ends {@code CLOSED} (the analysts' work is done) or {@code WITHDRAWN} (its owner took it back).
 */
public enum ProgressStage {
    RECEIVED,
    WITH_ANALYSTS,
    ASSESSED,
    BLOCKING_ACTIVE,
    REMOVAL_REQUESTED,
    REMOVED,
    CLOSED,
    WITHDRAWN
}
