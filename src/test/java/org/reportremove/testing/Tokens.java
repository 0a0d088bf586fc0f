package org.reportremove.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens for test callers. Partner tokens are obtained from the service itself with client assertions
 * signed by the test run's partner keys; young people's come from signing in. For role and failure tests,
 * tokens can also be minted here with the service's signing key, or deliberately wrong.
 */
public final class Tokens {

    public static final String ISSUER = "urn:reportremove:service";
    public static final String AUDIENCE = "report-remove";

    private Tokens() {
    }

    /** An operator token, from the service, for the test operators' tool. */
    public static String operator(Api api) {
        return clientToken(api, "test-operator", null);
    }

    /** A counsellor token, from the service, for the test helpline system acting for {@code counsellorId}. */
    public static String counsellor(Api api, String counsellorId) {
        return clientToken(api, "test-helpline", counsellorId);
    }

    public static String clientToken(Api api, String client, String counsellorId) {
        Reply reply = api.postForm("/api/v1/auth/token", "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", clientAssertion(client, counsellorId, TestRun.clientKey(client)));
        if (reply.status() != 200) {
            throw new IllegalStateException("no token for " + client + ": " + reply.status() + " " + reply.body());
        }
        return reply.json().getString("access_token");
    }

    /** A client assertion (RFC 7523) of a test partner client, signed with {@code key}. */
    public static String clientAssertion(String client, String counsellorId, ECKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(client)
                .subject(client)
                .audience(ISSUER)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
        if (counsellorId != null) {
            claims.claim("counsellor", counsellorId);
        }
        return sign(key, claims.build());
    }

    public static String withRoles(String subject, String... roles) {
        return sign(TestRun.serviceKey(), claims(subject, Instant.now(), Duration.ofMinutes(10), roles));
    }

    /**
     * A young person's token as the service issued them before tokens carried the passphrase version: judged by
     * its issue time alone.
     */
    public static String youngPersonWithoutVersion(String accountId, Instant issuedAt) {
        return sign(TestRun.serviceKey(), claims(accountId, issuedAt, Duration.ofMinutes(15), "young-person"));
    }

    public static String expired(String... roles) {
        return sign(TestRun.serviceKey(), claims("expired-caller", Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(10), roles));
    }

    /** Well formed and unexpired, but signed by a key the service has never seen. */
    public static String signedByStranger(String... roles) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-service-1").generate();
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

    /** Signs with an EC key (ES256, as partner clients do) or an RSA key (RS256, as the service does). */
    private static String sign(JWK key, JWTClaimsSet claims) {
        try {
            boolean rsa = key instanceof RSAKey;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
