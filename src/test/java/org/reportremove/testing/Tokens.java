package org.reportremove.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens for test callers, signed with a real JOSE library by the test run's key (which the launched
 * servers trust), or deliberately wrong.
 */
public final class Tokens {

    public static final String ISSUER = "urn:reportremove:service";
    public static final String AUDIENCE = "report-remove";

    private Tokens() {
    }

    public static String operator() {
        return withRoles("operator-" + UUID.randomUUID().toString().substring(0, 8), "operator");
    }

    public static String withRoles(String subject, String... roles) {
        return sign(TestRun.tokenKey(), claims(subject, Instant.now(), Duration.ofMinutes(10), roles));
    }

    public static String expired(String... roles) {
        return sign(TestRun.tokenKey(), claims("expired-caller", Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(10), roles));
    }

    /** Well formed and unexpired, but signed by a key the service has never seen. */
    public static String signedByStranger(String... roles) {
        try {
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("test-run").generate();
            return sign(stranger, claims("stranger", Instant.now(), Duration.ofMinutes(10), roles));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, Instant issuedAt, Duration lifetime, String... roles) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", List.of(roles))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .build();
    }

    private static String sign(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
