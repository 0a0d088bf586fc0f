package org.reportremove.agecheck.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * The age check provider this deployment trusts: its settings and the verifier of its attestations, with keys
 * from its JWKS (by URL or file) or, in development, from the development provider.
 */
@ApplicationScoped
public class AgeCheckProvider {

    private static final Logger LOG = Logger.getLogger(AgeCheckProvider.class.getName());

    @Inject
    DevelopmentAgeProvider development;

    private ProviderSettings settings;
    private AttestationVerifier verifier;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        settings = ProviderSettings.from(config);
        JWKSource<SecurityContext> keys = development.enabled()
                ? development.verificationKeys()
                : ProviderKeySources.from(config);
        verifier = new AttestationVerifier(keys, settings);
        String source = development.enabled() ? "development" : ProviderKeySources.kind(config);
        LOG.info(() -> "event=agecheck.provider name=" + settings.name() + " keys=" + source);
    }

    public ProviderSettings settings() {
        return settings;
    }

    public AttestationVerifier verifier() {
        return verifier;
    }
}
