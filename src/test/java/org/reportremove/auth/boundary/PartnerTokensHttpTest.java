package org.reportremove.auth.boundary;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.ProblemAssert;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.ProblemAssert.problem;

/**
 * Partner systems get access tokens with signed client assertions (private_key_jwt): the helpline partner can
 * name the acting counsellor, and every failure of an assertion is refused with a problem.
 */
class PartnerTokensHttpTest extends DeployedServiceTest {

    private static final String TOKEN = "/api/v1/auth/token";

    @Test
    void helplineTokenCarriesTheCounsellorIntoTheTokenAndTheAuditTrail() throws Exception {
        String token = Tokens.counsellor(api, "counsellor-42");

        JsonObject claims = payload(token);
        assertEquals("test-helpline", claims.getString("sub"));
        assertEquals("counsellor-42", claims.getString("counsellor_id"));
        assertEquals("counsellor", claims.getJsonArray("groups").getString(0));
        long lifetime = claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
        assertEquals(900, lifetime, "access tokens live 15 minutes");
    }

    @Test
    void operatorActionsAreAuditedUnderTheOperatorsClient() throws Exception {
        String token = Tokens.operator(api);
        Reply recorded = api.postJson("/api/v1/operator/audit/entries",
                object("action", "CONFIGURATION_CHANGED", "objectId", "helm-release-12"),
                "Authorization", "Bearer " + token);

        assertEquals(201, recorded.status(), recorded.body());
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT actor_role, actor_id FROM audit_event WHERE id = ?")) {
            select.setLong(1, recorded.json().getJsonNumber("id").longValue());
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("OPERATOR", rs.getString(1));
                assertEquals("test-operator", rs.getString(2));
            }
        }
    }

    @Test
    void onlyTheHelplineMayNameACounsellor() {
        assertRefused(token(Tokens.clientAssertion("test-operator", "counsellor-1", TestRun.clientKeyForTests("test-operator"))),
                "Only a helpline client may name a counsellor.");
    }

    @Test
    void assertionsThatAreForgedStaleMisaddressedOrReplayedAreRefused() throws Exception {
        ECKey operatorKey = TestRun.clientKeyForTests("test-operator");
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("test-operator-1").generate();

        assertRefused(token(Tokens.clientAssertion("test-operator", null, stranger)),
                "The client assertion is not signed by a key of this client.");
        assertRefused(token(Tokens.clientAssertion("nobody", null, operatorKey)),
                "The client assertion names no known client.");
        assertRefused(token(assertion(operatorKey, "test-operator", "https://elsewhere.example/token",
                Duration.ofMinutes(2))), "The client assertion's aud must be this service.");
        assertRefused(token(assertion(operatorKey, "test-operator", Tokens.ISSUER, Duration.ofMinutes(-5))),
                "The client assertion has expired.");
        assertRefused(token(assertion(operatorKey, "test-operator", Tokens.ISSUER, Duration.ofHours(2))),
                "The client assertion may live at most five minutes.");
        assertRefused(token("not-a-jwt"), "The client assertion is not a signed JWT.");

        String once = Tokens.clientAssertion("test-operator", null, operatorKey);
        assertEquals(200, token(once).status());
        assertRefused(token(once), "This client assertion was used before.");
    }

    @Test
    void theAssertionTypeMustBeJwtBearer() {
        Reply reply = api.postForm(TOKEN, "grant_type", "client_credentials", "client_assertion_type", "basic",
                "client_assertion", Tokens.clientAssertion("test-operator", null, TestRun.clientKeyForTests("test-operator")));

        invalidClient().detail("Send client_assertion_type urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                        + " with a signed client_assertion.")
                .assertOn(reply);
    }

    private Reply token(String assertion) {
        return api.postForm(TOKEN, "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion);
    }

    private static String assertion(ECKey key, String client, String audience, Duration expiresIn) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(client).subject(client).audience(audience)
                        .jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plus(expiresIn))).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** Refused as a whole problem that never echoes the assertion. */
    private static void assertRefused(Reply reply, String detail) {
        invalidClient().detail(detail).notEchoing("eyJ").assertOn(reply);
    }

    private static ProblemAssert.Expected invalidClient() {
        return problem(401, "invalid-client", "The client assertion was not accepted");
    }

    private static JsonObject payload(String jwt) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
    }
}
