/**
 * Keeps the industry feed: entries for shared signals, hourly batches published in an order that keeps each case's
 * signals apart, withdrawals, reads by checkpoint, and the platforms' feedback applied once.
 */
package org.reportremove.industry.control;
