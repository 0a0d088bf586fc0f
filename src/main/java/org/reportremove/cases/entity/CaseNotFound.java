package org.reportremove.cases.entity;

import org.reportremove.platform.domain.DomainException;

/** No case with this reference in the caller's account (also when it exists in someone else's). */
public class CaseNotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public CaseNotFound() {
        super("There is no case with this reference in your account.");
    }
}
