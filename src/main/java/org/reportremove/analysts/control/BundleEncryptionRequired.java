package org.reportremove.analysts.control;

import org.reportremove.platform.domain.DomainException;

/** Production exports bundles only encrypted to the analyst side's key, and none is configured. */
public class BundleEncryptionRequired extends DomainException {

    private static final long serialVersionUID = 1L;

    public BundleEncryptionRequired() {
        super("No bundle was exported and nothing was leased: bundles hold signals and places, and production"
                + " exports them only encrypted. Configure the analyst side's encryption key (a \"use\": \"enc\" key"
                + " in reportremove.analysts.bundles.analyst-jwks-file).");
    }
}
