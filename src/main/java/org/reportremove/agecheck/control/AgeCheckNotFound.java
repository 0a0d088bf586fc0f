package org.reportremove.agecheck.control;

import org.reportremove.platform.domain.DomainException;

/** No age check has this id. */
public class AgeCheckNotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public AgeCheckNotFound() {
        super("There is no age check with this id. Start a new one.");
    }
}
