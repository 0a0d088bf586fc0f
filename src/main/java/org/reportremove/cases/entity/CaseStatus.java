package org.reportremove.cases.entity;

/**
 * Where a case is in its life. Assessment and removal states come with the analyst side.
 */
public enum CaseStatus {
    SUBMITTED,
    WITHDRAWN
}
