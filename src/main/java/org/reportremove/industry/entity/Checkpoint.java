package org.reportremove.industry.entity;

/**
 * A place in the feed: every change up to and including {@code position} has been read. Platforms hold it only
 * sealed (see {@code Checkpoints}), so they can neither read nor move it.
 */
public record Checkpoint(long position) {

    public static final Checkpoint START = new Checkpoint(0);

    public Checkpoint {
        if (position < 0) {
            throw new IllegalArgumentException("a checkpoint is a place in the feed");
        }
    }
}
