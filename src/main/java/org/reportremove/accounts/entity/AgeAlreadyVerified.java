package org.reportremove.accounts.entity;

import org.reportremove.platform.domain.DomainException;

/** An age band a provider verified is not confirmed or corrected by a counsellor: the attestation stands. */
public class AgeAlreadyVerified extends DomainException {

    private static final long serialVersionUID = 1L;

    public AgeAlreadyVerified() {
        super("This young person's age was verified by an age assurance provider; a counsellor does not change it.");
    }
}
