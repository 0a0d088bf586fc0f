package org.reportremove.agecheck.entity;

import org.reportremove.platform.domain.DomainException;

/** The age check is already complete (its attestation, or its outcome, can be used only once). */
public class AgeCheckUsed extends DomainException {

    private static final long serialVersionUID = 1L;

    public AgeCheckUsed(String detail) {
        super(detail);
    }
}
