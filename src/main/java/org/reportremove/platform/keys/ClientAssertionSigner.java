package org.reportremove.platform.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A partner client's signed client assertion ({@code private_key_jwt}), made with the key this command made for
 * it: for operators' tools and scripts that need an access token without writing JOSE code. Lives one minute
 * (the service accepts at most five) and is accepted once.
 */
final class ClientAssertionSigner {

    static final Duration LIFETIME = Duration.ofMinutes(1);

    private ClientAssertionSigner() {
    }

    static String sign(String clientId, JWK key, String audience, Instant now) throws JOSEException, KeysException {
        if (!(key instanceof ECKey ec) || !ec.isPrivate()) {
            throw new KeysException("the client key file's first key must be an EC private key");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(ec));
        return jwt.serialize();
    }
}
