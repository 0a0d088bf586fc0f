package org.reportremove.platform.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.web.ClientAddress;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs first at startup. In production mode, any development-only setting stops the process: a service that
 * quietly ran on an embedded database or generated keys would lose or expose what young people trusted it with. In
 * any mode, a trusted proxy that is neither an address nor a range stops it too.
 */
@Startup
@Singleton
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());
    /** Exit status for a configuration error (EX_CONFIG in sysexits.h). */
    static final int CONFIGURATION_ERROR = 78;

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        ServiceMode mode = ServiceMode.parse(config.getValue("reportremove.mode", String.class));
        List<String> developmentOnly = DevelopmentOnlySettings.foundIn(config);
        if (mode == ServiceMode.PRODUCTION && !developmentOnly.isEmpty()) {
            for (String setting : developmentOnly) {
                LOG.log(Level.SEVERE, "event=startup.refused mode=production reason={0}", setting);
            }
            // Payara Micro would otherwise stay up with the application undeployed and report itself healthy.
            Runtime.getRuntime().halt(CONFIGURATION_ERROR);
        }
        try {
            ClientAddress.trustedProxies();
        } catch (IllegalArgumentException e) {
            // Every request that counts against a limit would fail on it; the entry is configuration, not a secret.
            LOG.log(Level.SEVERE, "event=startup.refused reason=trusted-proxies detail={0}", e.getMessage());
            Runtime.getRuntime().halt(CONFIGURATION_ERROR);
        }
        LOG.info(() -> "event=startup.mode mode=" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + (developmentOnly.isEmpty() ? "" : " developmentOnlySettings=" + developmentOnly.size()));
    }
}
