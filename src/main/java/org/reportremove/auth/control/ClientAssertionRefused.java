package org.reportremove.auth.control;

import org.reportremove.platform.domain.DomainException;

/** A partner system's client assertion that was not accepted, and which rule it broke. */
public class ClientAssertionRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public ClientAssertionRefused(String detail) {
        super(detail);
    }
}
