/**
 * What the metrics of every capability share: readings of the database cached for a few seconds, so that several
 * replicas scraped often cost the database little, and the rule that labels come from fixed lists.
 */
package org.reportremove.platform.metrics;
