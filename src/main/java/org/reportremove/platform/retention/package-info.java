/**
 * Retention: what each capability keeps only for a while is purged on a schedule, in batches, by one node at a
 * time, and every purge leaves a count (never ids) in the audit trail.
 */
package org.reportremove.platform.retention;
