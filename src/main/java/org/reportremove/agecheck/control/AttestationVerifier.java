package org.reportremove.agecheck.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.reportremove.agecheck.entity.AttestedAge;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Verifies a provider's attestation: signature by a key the provider publishes, issuer, audience, validity
 * time, the nonce of this age check, then the answer. Each failure is its own problem, so that an app can
 * tell a person what to do; none repeats what the attestation carried.
 */
public final class AttestationVerifier {

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final JWKSource<SecurityContext> keys;
    private final ProviderSettings settings;

    public AttestationVerifier(JWKSource<SecurityContext> keys, ProviderSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /** The compact JWS as a signed JWT with a JSON claims set, or a malformed-attestation problem. */
    public static SignedJWT parse(String compact) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact.trim());
            jwt.getJWTClaimsSet();
            return jwt;
        } catch (ParseException | RuntimeException e) {
            // The parser's message quotes the token: it is dropped along with the exception.
            throw Refusals.malformed();
        }
    }

    /**
     * The provider's answer, if the attestation is genuine, current, for this service and for the age check
     * whose nonce {@code isThisChecksNonce} accepts.
     */
    public AttestedAge verify(SignedJWT attestation, Predicate<String> isThisChecksNonce, Instant now) {
        verifySignature(attestation);
        JWTClaimsSet claims = claimsOf(attestation);
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw Refusals.issuerWrong();
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            throw Refusals.audienceWrong();
        }
        checkTimes(claims, now);
        Object nonce = claims.getClaim(settings.claims().nonce());
        if (!(nonce instanceof String text) || !isThisChecksNonce.test(text)) {
            throw Refusals.nonceMismatch();
        }
        return settings.claims().read(claims);
    }

    private void verifySignature(SignedJWT attestation) {
        JWSHeader header = attestation.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            throw Refusals.signatureInvalid();
        }
        List<JWK> candidates = keysFor(header);
        if (candidates.isEmpty()) {
            throw Refusals.keyUnknown();
        }
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        for (JWK key : candidates) {
            try {
                if (key instanceof AsymmetricJWK publicKey
                        && attestation.verify(verifiers.createJWSVerifier(header, publicKey.toPublicKey()))) {
                    return;
                }
            } catch (JOSEException e) {
                // A key of the right id but unusable for this algorithm: try the next one.
            }
        }
        throw Refusals.signatureInvalid();
    }

    /**
     * The provider's keys that match the header. The key source refetches the provider's key set once when the
     * key id is not in its cache, at most as often as its rate limit allows: past that limit the key stays unknown.
     */
    private List<JWK> keysFor(JWSHeader header) {
        try {
            return keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (RateLimitReachedException e) {
            return List.of();
        } catch (KeySourceException e) {
            throw new AgeProviderUnavailable();
        }
    }

    private void checkTimes(JWTClaimsSet claims, Instant now) {
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw Refusals.incomplete("until when it is valid");
        }
        Instant latest = now.plus(settings.clockSkew());
        Instant earliest = now.minus(settings.clockSkew());
        if (expires.toInstant().isBefore(earliest)
                || isAfter(claims.getIssueTime(), latest) || isAfter(claims.getNotBeforeTime(), latest)) {
            throw Refusals.expired();
        }
    }

    private static boolean isAfter(Date time, Instant limit) {
        return time != null && time.toInstant().isAfter(limit);
    }

    private static JWTClaimsSet claimsOf(SignedJWT attestation) {
        try {
            return attestation.getJWTClaimsSet();
        } catch (ParseException e) {
            throw Refusals.malformed();
        }
    }
}
