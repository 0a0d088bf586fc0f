package org.reportremove.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the short-lived access tokens that MicroProfile JWT verifies on every request.
 */
@ApplicationScoped
public class AccessTokens {

    /** Fifteen minutes: long enough for a session in the app, short enough that a leaked token soon dies. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /** A young person's token: the account's passphrase version when the session started or was refreshed. */
    public static final String PASSPHRASE_VERSION_CLAIM = "passphrase_version";

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    private TokenSigningKeys.Keys keys;

    @PostConstruct
    void loadKeys() {
        keys = TokenSigningKeys.load(ConfigProvider.getConfig());
    }

    /**
     * @param subject the account id, or the partner client's id
     * @param extra   further claims, such as the acting counsellor's id
     */
    public IssuedToken issue(String subject, List<String> groups, Map<String, Object> extra) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        extra.forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(keys.active().getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(keys.active()));
            return new IssuedToken(jwt.serialize(), LIFETIME);
        } catch (JOSEException e) {
            throw new IllegalStateException("An access token could not be signed", e);
        }
    }

    /** An access token and how long it lives. */
    public record IssuedToken(String value, Duration lifetime) {
    }
}
