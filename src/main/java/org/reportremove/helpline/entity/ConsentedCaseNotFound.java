package org.reportremove.helpline.entity;

import org.reportremove.platform.domain.DomainException;

/**
 * No case with this reference may be followed up by the caller's helpline: it does not exist, its owner did not
 * consent to this partner, or withdrew consent. The three look the same.
 */
public class ConsentedCaseNotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConsentedCaseNotFound() {
        super("There is no case with this reference that your helpline may follow up.");
    }
}
