/**
 * Progress: what has happened on a young person's case, derived from the recorded facts of the cases and of the
 * analyst exchange every time it is asked for, never kept as a second truth. It tells the milestones a case reached
 * (to the day), the counts a young person cares about, and, in the case's language, what each step means and what
 * happens next, without ever naming the content, a category or a hash.
 */
package org.reportremove.progress;
