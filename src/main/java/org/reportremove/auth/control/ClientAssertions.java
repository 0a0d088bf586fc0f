package org.reportremove.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.Key;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a partner system's signed client assertion ({@code private_key_jwt}, RFC 7523): signed by one of the
 * client's configured keys, issued by and about the client, meant for this service, short-lived, used once.
 */
@ApplicationScoped
public class ClientAssertions {

    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Pattern COUNSELLOR_ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");

    @Inject
    PartnerClients clients;

    @Inject
    UsedAssertions usedAssertions;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "reportremove.tokens.endpoint-url")
    Optional<String> tokenEndpointUrl;

    /** Who the assertion speaks for: the client, and the acting counsellor when the client named one. */
    public record Verified(PartnerClients.Client client, String counsellorId) {
    }

    public Verified verify(String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("The client assertion is not a signed JWT.");
        }
        String clientId = claims.getIssuer();
        PartnerClients.Client client = clients.find(clientId)
                .orElseThrow(() -> refused("The client assertion names no known client."));
        if (!clientId.equals(claims.getSubject())) {
            throw refused("The client assertion's iss and sub must both be the client id.");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm()) || !signedByClient(jwt, client)) {
            throw refused("The client assertion is not signed by a key of this client.");
        }
        List<String> audience = claims.getAudience();
        if (audience.stream().noneMatch(aud -> aud.equals(issuer) || tokenEndpointUrl.map(aud::equals).orElse(false))) {
            throw refused("The client assertion's aud must be this service.");
        }
        Instant now = Instant.now();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || expiry.toInstant().isBefore(now.minus(SKEW))) {
            throw refused("The client assertion has expired.");
        }
        if (expiry.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            throw refused("The client assertion may live at most five minutes.");
        }
        Date issued = claims.getIssueTime();
        Date notBefore = claims.getNotBeforeTime();
        if ((issued != null && issued.toInstant().isAfter(now.plus(SKEW)))
                || (notBefore != null && notBefore.toInstant().isAfter(now.plus(SKEW)))) {
            throw refused("The client assertion is not valid yet.");
        }
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw refused("The client assertion needs a jti.");
        }
        String counsellorId = counsellorOf(claims, client);
        // Remembered until it can no longer pass the expiry check above, skew included.
        if (!usedAssertions.firstUse(clientId, claims.getJWTID(), expiry.toInstant().plus(SKEW))) {
            throw refused("This client assertion was used before.");
        }
        return new Verified(client, counsellorId);
    }

    private static String counsellorOf(JWTClaimsSet claims, PartnerClients.Client client) {
        Object counsellor = claims.getClaim("counsellor");
        if (counsellor == null) {
            return null;
        }
        if (!client.mayNameCounsellor()) {
            throw refused("Only a helpline client may name a counsellor.");
        }
        if (!(counsellor instanceof String id) || !COUNSELLOR_ID.matcher(id).matches()) {
            throw refused("The counsellor must be an opaque id of 1 to 48 letters, digits, '.', '_' or '-'.");
        }
        return id;
    }

    private static boolean signedByClient(SignedJWT jwt, PartnerClients.Client client) {
        String kid = jwt.getHeader().getKeyID();
        for (JWK key : client.keys().getKeys()) {
            if (kid != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            try {
                Key publicKey = ((AsymmetricJWK) key).toPublicKey();
                JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | ClassCastException e) {
                // Not a key for this algorithm: try the next one.
            }
        }
        return false;
    }

    private static ClientAssertionRefused refused(String detail) {
        return new ClientAssertionRefused(detail);
    }
}
