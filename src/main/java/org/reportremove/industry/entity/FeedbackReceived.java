package org.reportremove.industry.entity;

import org.reportremove.platform.security.Actor;

/** A platform sent a batch of feedback; {@code applied} of its events changed something. */
public record FeedbackReceived(String platform, int applied, Actor actor) {
}
