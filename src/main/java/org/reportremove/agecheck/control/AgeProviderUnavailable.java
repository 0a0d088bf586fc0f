package org.reportremove.agecheck.control;

import org.reportremove.platform.domain.DomainException;

/** The age check provider's keys could not be read just now. */
public class AgeProviderUnavailable extends DomainException {

    private static final long serialVersionUID = 1L;

    public AgeProviderUnavailable() {
        super("The age check provider's keys could not be read just now. Try again in a little while.");
    }
}
