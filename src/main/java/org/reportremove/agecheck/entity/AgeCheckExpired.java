package org.reportremove.agecheck.entity;

import org.reportremove.platform.domain.DomainException;

/** The age check ran out of time before its attestation came. */
public class AgeCheckExpired extends DomainException {

    private static final long serialVersionUID = 1L;

    public AgeCheckExpired() {
        super("This age check has expired. Start a new one and finish it within the time it gives you.");
    }
}
