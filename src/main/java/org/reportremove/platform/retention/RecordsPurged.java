package org.reportremove.platform.retention;

/**
 * A batch of records past their retention was removed: what kind and how many, never which.
 */
public record RecordsPurged(PurgedRecords what, int count) {
}
