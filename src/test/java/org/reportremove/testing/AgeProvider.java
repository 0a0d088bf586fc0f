package org.reportremove.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in age check provider, independent of the service's code: it signs attestations with its own keys
 * (a real JOSE library, keys made by the test run) and publishes their public halves in the file the launched
 * servers read as the provider's JWKS. Attestations start out good and can be spoiled one way at a time.
 */
public final class AgeProvider {

    /** The issuer and name the launched servers are configured with (arquillian.xml). */
    public static final String ISSUER = "https://age-provider.test";
    public static final String NAME = "test-age-provider";
    public static final String AUDIENCE = "report-remove";

    private static final List<JWK> PUBLISHED = new ArrayList<>();
    private static ECKey ecKey;
    private static RSAKey rsaKey;
    private static Path jwksFile;

    private AgeProvider() {
    }

    static synchronized void createKeys(Path dir) throws JOSEException, IOException {
        if (ecKey != null) {
            return;
        }
        ecKey = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("provider-ec-1").generate();
        rsaKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("provider-rsa-1").generate();
        jwksFile = dir.resolve("age-provider-jwks.json");
        PUBLISHED.add(ecKey.toPublicJWK());
        PUBLISHED.add(rsaKey.toPublicJWK());
        publish();
        System.setProperty("reportremove.test.age-provider.jwks-file", jwksFile.toString());
    }

    /** Adds a new key to the provider's published set, as a provider rotating its keys does, and returns it. */
    public static synchronized ECKey publishNewKey() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .keyID("provider-ec-" + UUID.randomUUID()).generate();
            PUBLISHED.add(key.toPublicJWK());
            publish();
            return key;
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish() throws IOException {
        Path next = jwksFile.resolveSibling(jwksFile.getFileName() + ".next");
        Files.writeString(next, new JWKSet(PUBLISHED).toString(true), StandardCharsets.UTF_8);
        Files.move(next, jwksFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A good attestation for the age check with this nonce: 14 years old (band 13_15), checked by document. */
    public static Attestation attestation(String nonce) {
        return new Attestation(nonce);
    }

    /** One attestation being made; each method spoils or changes one thing. */
    public static final class Attestation {

        private JWK key = ecKey;
        private String keyId = ecKey.getKeyID();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Attestation(String nonce) {
            claims.put("nonce", nonce);
            claims.put("age_under", 18);
            claims.put("age_band", "13_15");
            claims.put("method", "document");
            // A careless provider might add a birth date: the service must never keep it.
            claims.put("birthdate", "2011-03-14");
        }

        public Attestation claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Attestation withoutBand() {
            return claim("age_band", null);
        }

        /** 21 or over would say "under 21": not under 18. */
        public Attestation adult() {
            return claim("age_under", 21).claim("age_band", null);
        }

        public Attestation issuer(String value) {
            issuer = value;
            return this;
        }

        public Attestation audience(String value) {
            audience = value;
            return this;
        }

        public Attestation issuedAt(Instant value) {
            issuedAt = value;
            return this;
        }

        public Attestation expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public Attestation signedWithRsa() {
            key = rsaKey;
            keyId = rsaKey.getKeyID();
            return this;
        }

        public Attestation signedWith(JWK other) {
            key = other;
            keyId = other.getKeyID();
            return this;
        }

        /** Signed by a key the provider never published, under the key id of one it did. */
        public Attestation signedByStranger() {
            try {
                key = new ECKeyGenerator(Curve.P_256).generate();
                return this;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signed by a key the provider never published, under a key id it never used. */
        public Attestation signedWithUnknownKeyId() {
            signedByStranger();
            keyId = "never-published-" + UUID.randomUUID();
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(audience)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt));
            claims.forEach(body::claim);
            try {
                boolean rsa = key instanceof RSAKey;
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                        .keyID(keyId).type(JOSEObjectType.JWT).build(), body.build());
                JWSSigner signer = rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key);
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
