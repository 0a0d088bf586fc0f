package org.reportremove.platform.webhooks;

import org.reportremove.platform.domain.DomainException;

/** No webhook delivery, or no subscription, with this id. */
public class DeliveryNotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotFound(String what) {
        super("There is no " + what + " with this id.");
    }
}
