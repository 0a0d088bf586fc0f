package org.reportremove.analysts.control;

import org.reportremove.platform.domain.DomainException;

/** A bundle imported before: nothing was applied again. */
public class BundleReplayed extends DomainException {

    private static final long serialVersionUID = 1L;

    public BundleReplayed(String bundleId) {
        super("The bundle " + bundleId + " was imported before. Nothing was applied again.");
    }
}
