package org.reportremove.analysts.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Says at start-up, not first at the operator's export, when this deployment would refuse to export bundles:
 * production without the analyst side's encryption key.
 */
@Startup
@Singleton
@DependsOn("StartupChecks")
public class BundleExportCheck {

    private static final Logger LOG = Logger.getLogger(BundleExportCheck.class.getName());

    @Inject
    BundleKeys keys;

    @PostConstruct
    void check() {
        if (!keys.exportAllowed()) {
            LOG.warning("event=analysts.bundle-export-refused reason=no-analyst-encryption-key: air-gap bundles will"
                    + " not be exported until the analyst side's enc key is configured");
        }
    }
}
