package org.reportremove.platform.webhooks;

import org.reportremove.platform.domain.DomainException;

/** Only a failed delivery with a partner can be sent again: not one pending or delivered, nor an undeliverable one. */
public class DeliveryNotReplayable extends DomainException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotReplayable(DeliveryState state, FailureReason reason) {
        super("Only a failed delivery can be replayed; this one is " + state
                + (reason == null ? "" : " (" + reason + ")") + ".");
    }
}
