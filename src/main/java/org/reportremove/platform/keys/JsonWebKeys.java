package org.reportremove.platform.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The key sets in JWKS form, as the settings read them, each made new or rotated. A rotation keeps every old key,
 * so what it signed still verifies. Where the new key goes in the set follows what picks the signing key:
 * the service's token signing key is {@code reportremove.tokens.active-kid} or the first, so a new token key goes
 * last and signs only once the operator names it; the bundle signing key, the analyst side's keys and a partner's
 * key are the first of their set, so a new one goes first and signs from the next start.
 */
final class JsonWebKeys {

    /** The service's token signing keys: RSA, because every request verifies one (RS256 verifies cheaply). */
    static final int TOKEN_RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JsonWebKeys() {
    }

    static JWKSet tokenSigning(JWKSet existing) throws JOSEException, KeysException {
        require(existing, key -> key instanceof RSAKey rsa && rsa.isPrivate(), "RSA private keys");
        RSAKey key = new RSAKeyGenerator(TOKEN_RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyID(kid("token")).generate();
        List<JWK> keys = new ArrayList<>(existing.getKeys());
        keys.add(key);
        return new JWKSet(keys);
    }

    static JWKSet bundleSigning(JWKSet existing) throws JOSEException, KeysException {
        require(existing, JsonWebKeys::privateP256, "EC P-256 private keys");
        return first(existing, signingKey("bundle"));
    }

    /** The analyst side's signing and encryption keys (private), for the analyst bridge. */
    static JWKSet analystSide(JWKSet existing) throws JOSEException, KeysException {
        require(existing, JsonWebKeys::privateP256, "EC P-256 private keys");
        ECKey encryption = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION)
                .algorithm(JWEAlgorithm.ECDH_ES_A256KW).keyID(kid("analysts-enc")).generate();
        return first(existing, signingKey("analysts-sig"), encryption);
    }

    /** A partner client's key pair (private), for it to sign client assertions with. */
    static JWKSet client(String clientId, JWKSet existing) throws JOSEException, KeysException {
        require(existing, JsonWebKeys::privateP256, "EC P-256 private keys");
        return first(existing, signingKey(clientId));
    }

    private static ECKey signingKey(String prefix) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyID(kid(prefix)).generate();
    }

    private static boolean privateP256(JWK key) {
        return key instanceof ECKey ec && ec.isPrivate() && Curve.P_256.equals(ec.getCurve());
    }

    private static void require(JWKSet existing, Predicate<JWK> fits, String what) throws KeysException {
        if (!existing.getKeys().stream().allMatch(fits)) {
            throw new KeysException("the file to rotate must hold " + what + " only");
        }
    }

    private static JWKSet first(JWKSet existing, JWK... newKeys) {
        List<JWK> keys = new ArrayList<>(List.of(newKeys));
        keys.addAll(existing.getKeys());
        return new JWKSet(keys);
    }

    /** A key id that says what the key is for and when it was made, unique within a day's rotations. */
    static String kid(String prefix) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return prefix + "-" + LocalDate.now(ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(suffix);
    }
}
