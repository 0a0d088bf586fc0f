package org.reportremove.cases.control;

import org.reportremove.platform.domain.DomainException;

/** An idempotency key that was already used for a different submission. */
public class IdempotencyKeyReused extends DomainException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different case. Use a new key for a new case,"
                + " and the same key only to retry exactly the same request.");
    }
}
