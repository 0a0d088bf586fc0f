package org.reportremove.industry.entity;

import org.reportremove.platform.domain.DomainException;

/** A checkpoint that this service did not issue to this platform, or that was altered. */
public class CheckpointRefused extends DomainException {

    public CheckpointRefused() {
        super("The checkpoint is not one this service gave you. Start again without a checkpoint.");
    }
}
