package org.reportremove.cases.entity;

/**
 * Where a case is, in the order a young person would expect it to move. Later stages win.
 */
public enum ProgressStage {
    RECEIVED,
    WITH_ANALYSTS,
    ASSESSED,
    BLOCKING_ACTIVE,
    REMOVAL_REQUESTED,
    REMOVED,
    CLOSED
}
