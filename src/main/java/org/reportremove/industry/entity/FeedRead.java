package org.reportremove.industry.entity;

import org.reportremove.platform.security.Actor;

/** A platform read the feed: a snapshot or a page of changes. Names the platform only. */
public record FeedRead(String platform, Actor actor) {
}
