package org.reportremove.agecheck.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.agecheck.entity.AgeCheckMethod;
import org.reportremove.platform.configuration.ServiceMode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

/**
 * A stand-in age check provider for trying the service out: it signs an attestation for whatever age it is
 * told, with a key generated in memory at startup. It exists only in development mode with
 * {@code reportremove.agecheck.provider.development=true}; production refuses to start with that setting.
 * While it is on, the service verifies attestations with its key directly, without fetching anything.
 */
@ApplicationScoped
public class DevelopmentAgeProvider {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private boolean enabled;
    private ECKey key;

    @PostConstruct
    void generateKey() {
        enabled = isEnabled(ConfigProvider.getConfig());
        if (enabled) {
            try {
                key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                        .keyID("development-" + UUID.randomUUID().toString().substring(0, 8)).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("the development age provider's key could not be generated", e);
            }
        }
    }

    /** Whether this configuration has the development provider: development mode, and switched on. */
    public static boolean isEnabled(Config config) {
        ServiceMode mode = ServiceMode.parse(config.getOptionalValue("reportremove.mode", String.class)
                .orElse("development"));
        boolean configured = config.getOptionalValue("reportremove.agecheck.provider.development", String.class)
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        return mode == ServiceMode.DEVELOPMENT && configured;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Its public key set, as a real provider publishes it. */
    public JWKSet publicKeys() {
        requireEnabled();
        return new JWKSet(key.toPublicJWK());
    }

    JWKSource<SecurityContext> verificationKeys() {
        return new ImmutableJWKSet<>(publicKeys());
    }

    /** An attestation for the age check with {@code nonce}, saying what a provider would say of this age. */
    public String attest(ProviderSettings settings, String nonce, int age, AgeCheckMethod method, boolean withBand) {
        requireEnabled();
        Instant now = Instant.now();
        ResultClaims layout = settings.claims();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim(layout.nonce(), nonce)
                .claim(layout.under18(), layout.under18ValueFor(age))
                .claim(layout.method(), method.name().toLowerCase(Locale.ROOT));
        if (withBand) {
            AgeBand.ofAge(age).ifPresent(band -> claims.claim(layout.ageBand(), band.label()));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the development age provider could not sign", e);
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("the development age provider is off");
        }
    }
}
