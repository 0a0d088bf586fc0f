package org.reportremove.industry.entity;

import org.reportremove.platform.domain.DomainException;

/** A platform client that is subscribed to no list of the feed. */
public class FeedNotSubscribed extends DomainException {

    public FeedNotSubscribed() {
        super("This platform is not subscribed to any list of the feed. Ask the operators to subscribe it.");
    }
}
