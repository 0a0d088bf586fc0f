package org.reportremove.cases.entity;

import org.reportremove.platform.domain.DomainException;

/** The case was withdrawn, so it takes no more changes. */
public class CaseAlreadyWithdrawn extends DomainException {

    private static final long serialVersionUID = 1L;

    public CaseAlreadyWithdrawn() {
        super("This case was withdrawn, so it takes no more items. Start a new case for them.");
    }
}
