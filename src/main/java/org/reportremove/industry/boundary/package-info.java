/**
 * The platforms' API ({@code /api/v1/industry}): the feed of signals by checkpoint or as a streamed snapshot, and
 * feedback; the operators' publication of waiting batches.
 */
package org.reportremove.industry.boundary;
