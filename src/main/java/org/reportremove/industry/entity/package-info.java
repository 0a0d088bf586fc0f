/**
 * What the industry feed is made of: feed changes and checkpoints, the order a batch is published in, the
 * platforms' feedback outcomes, and the events the feed fires.
 */
package org.reportremove.industry.entity;
