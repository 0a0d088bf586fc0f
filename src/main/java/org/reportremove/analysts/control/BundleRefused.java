package org.reportremove.analysts.control;

import org.reportremove.platform.domain.DomainException;

/** A bundle that cannot be trusted or read: nothing of it was applied. The detail says why, never its content. */
public class BundleRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public BundleRefused(String why) {
        super("The bundle was refused and nothing was applied: " + why + ".");
    }
}
