/**
 * {@code GET /api/v1/cases/{reference}/progress}: a young person's own case, told as milestones, counts and plain
 * words.
 */
package org.reportremove.progress.boundary;
