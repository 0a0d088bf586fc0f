package org.reportremove.agecheck.boundary;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.AgeProvider;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.ProblemAssert;
import org.reportremove.testing.Reply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.ProblemAssert.invalidFieldsNamed;
import static org.reportremove.testing.ProblemAssert.malformedJson;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;

/**
 * Age checks against the deployed service and its PostgreSQL, with attestations signed in the test by a
 * stand-in provider ({@link AgeProvider}) whose keys the service reads from its JWKS file, as it would a real
 * provider's: the happy paths, every reason to refuse an attestation, and what the database keeps.
 */
class AgeCheckHttpTest extends DeployedServiceTest {

    private static final String AGE_CHECKS = "/api/v1/age-checks";
    private static final String JSON = "application/json";
    private static final String EXPIRED =
            "The attestation has expired or is dated in the future. Do the age check again with the provider.";
    private static final String NONCE_MISMATCH = "The attestation was made for another age check. Send it to the"
            + " age check it was made for, or do this age check with the provider.";

    @Test
    void startingGivesAOneTimeNonceAnExpiryAndTheProvider() throws SQLException {
        Instant before = Instant.now();
        Reply reply = api.post(AGE_CHECKS, null, "");

        assertEquals(201, reply.status(), reply.body());
        JsonObject started = reply.json();
        String id = started.getString("id");
        assertEquals(id, UUID.fromString(id).toString());
        assertTrue(started.getString("nonce").matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url");
        Instant expiresAt = Instant.parse(started.getString("expiresAt"));
        assertTrue(!expiresAt.isBefore(before.plus(Duration.ofMinutes(10)).minusSeconds(1))
                && expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(1)), "ten minutes");
        JsonObject provider = started.getJsonObject("provider");
        assertEquals(AgeProvider.NAME, provider.getString("name"));
        assertEquals(AgeProvider.AUDIENCE, provider.getString("audience"));
        assertFalse(provider.getString("startUrl").isBlank());
        assertEquals("PENDING", column(id, "status"));
        assertEquals(List.of("AGE_CHECK_STARTED"), auditActions(id));

        Reply withEmptyObject = api.postJson(AGE_CHECKS, object());
        assertEquals(201, withEmptyObject.status(), withEmptyObject.body());
        assertFalse(withEmptyObject.json().getString("nonce").equals(started.getString("nonce")));
    }

    @Test
    void providersAttestationVerifiesTheAgeCheck() throws SQLException {
        JsonObject check = start();
        String id = check.getString("id");

        Reply reply = attest(id, AgeProvider.attestation(check.getString("nonce")).sign());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(JSON, mediaType(reply));
        assertEquals(Map.of("id", id, "status", "VERIFIED", "ageBand", "13_15"), strings(reply.json()));
        assertAll(
                () -> assertEquals("VERIFIED", column(id, "status")),
                () -> assertEquals(AgeProvider.NAME, column(id, "provider")),
                () -> assertEquals("DOCUMENT", column(id, "method")),
                () -> assertEquals("AGE_13_15", column(id, "age_band")),
                () -> assertNull(column(id, "nonce_digest"), "a used nonce is forgotten"),
                () -> assertEquals(List.of("AGE_CHECK_STARTED", "AGE_CHECK_VERIFIED"), auditActions(id)));
    }

    @Test
    void rs256AttestationAndOtherMethodsAreAccepted() throws SQLException {
        JsonObject check = start();
        String id = check.getString("id");

        Reply reply = attest(id, AgeProvider.attestation(check.getString("nonce")).signedWithRsa()
                .claim("method", "digital_id").claim("age_band", "16_17").sign());

        assertEquals(200, reply.status(), reply.body());
        assertEquals("16_17", reply.json().getString("ageBand"));
        assertEquals("DIGITAL_ID", column(id, "method"));
    }

    @Test
    void attestationWithoutABandNeedsTheBandTheYoungPersonChose() throws SQLException {
        JsonObject check = start();
        String id = check.getString("id");
        String attestation = AgeProvider.attestation(check.getString("nonce")).withoutBand()
                .claim("method", "estimation").sign();

        Reply refused = attest(id, attestation);

        JsonObject problem = invalidFieldsNamed("ageBand").notEchoing(attestation).assertOn(refused);
        String message = problem.getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(message.startsWith("is required"), message);
        assertEquals("PENDING", column(id, "status"), "a refusal changes nothing");

        Reply verified = api.postJson(AGE_CHECKS + "/" + id + "/attestation",
                object("attestation", attestation, "ageBand", "16_17"));

        assertEquals(200, verified.status(), verified.body());
        assertEquals("16_17", verified.json().getString("ageBand"));
        assertEquals("ESTIMATION", column(id, "method"));
    }

    @Test
    void attestationSayingUnder13IsVerifiedWithTheUnder13Band() throws SQLException {
        JsonObject check = start();
        String id = check.getString("id");

        Reply reply = attest(id, AgeProvider.attestation(check.getString("nonce")).withoutBand()
                .claim("age_under", 13).sign());

        assertEquals(200, reply.status(), reply.body());
        assertEquals("UNDER_13", reply.json().getString("ageBand"));
        assertEquals("UNDER_13", column(id, "age_band"));
    }

    @Test
    void attestationSignedByAnotherKeyIsRefused() throws SQLException {
        JsonObject check = start();
        String attestation = AgeProvider.attestation(check.getString("nonce")).signedByStranger().sign();

        assertRefused(check, attestation, 422, "attestation-signature-invalid",
                "The attestation's signature is not valid",
                "The attestation's signature does not match, or it is not signed with ES256 or RS256. "
                        + "Do the age check again with the provider.");
    }

    @Test
    void attestationWithAKeyIdTheProviderNeverPublishedIsRefused() throws SQLException {
        JsonObject check = start();
        String attestation = AgeProvider.attestation(check.getString("nonce")).signedWithUnknownKeyId().sign();

        assertRefused(check, attestation, 422, "attestation-key-unknown",
                "The attestation is signed with a key the provider has not published",
                "The attestation is signed with a key that the age check provider does not publish. "
                        + "Do the age check again with the provider.");
    }

    @Test
    void keyTheProviderPublishesLaterIsFetchedOnFirstUse() {
        JsonObject check = start();
        ECKey rotated = AgeProvider.publishNewKey();

        Reply reply = attest(check.getString("id"), AgeProvider.attestation(check.getString("nonce"))
                .signedWith(rotated).sign());

        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void attestationForAnotherServiceIsRefused() throws SQLException {
        JsonObject check = start();
        String attestation = AgeProvider.attestation(check.getString("nonce")).audience("another-service").sign();

        assertRefused(check, attestation, 422, "attestation-audience-wrong",
                "The attestation is meant for another service",
                "The attestation was issued for another service. Start the age check from this app.");
    }

    @Test
    void attestationFromAnotherIssuerIsRefused() throws SQLException {
        JsonObject check = start();
        String attestation = AgeProvider.attestation(check.getString("nonce"))
                .issuer("https://someone-else.example").sign();

        assertRefused(check, attestation, 422, "attestation-issuer-wrong",
                "The attestation is not from this service's age check provider",
                "The attestation comes from another issuer than the age check provider this service uses.");
    }

    @Test
    void expiredAttestationIsRefused() throws SQLException {
        JsonObject check = start();
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        String attestation = AgeProvider.attestation(check.getString("nonce"))
                .issuedAt(hourAgo).expiresAt(hourAgo.plus(Duration.ofMinutes(5))).sign();

        assertRefused(check, attestation, 422, "attestation-expired",
                "The attestation has expired or is not valid yet", EXPIRED);
    }

    @Test
    void attestationIssuedInTheFutureIsRefused() throws SQLException {
        JsonObject check = start();
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        String attestation = AgeProvider.attestation(check.getString("nonce"))
                .issuedAt(later).expiresAt(later.plus(Duration.ofMinutes(5))).sign();

        assertRefused(check, attestation, 422, "attestation-expired",
                "The attestation has expired or is not valid yet", EXPIRED);
    }

    @Test
    void attestationForAnotherChecksNonceIsRefused() throws SQLException {
        JsonObject mine = start();
        JsonObject other = start();
        String attestation = AgeProvider.attestation(other.getString("nonce")).sign();

        assertRefused(mine, attestation, 422, "attestation-nonce-mismatch",
                "The attestation belongs to another age check", NONCE_MISMATCH);
        assertEquals("PENDING", column(other.getString("id"), "status"));
    }

    @Test
    void attestationWorksOnceOnly() throws SQLException {
        JsonObject check = start();
        String id = check.getString("id");
        String attestation = AgeProvider.attestation(check.getString("nonce")).sign();
        assertEquals(200, attest(id, attestation).status());

        Reply replayed = attest(id, attestation);

        problem(409, "age-check-used", "This age check has already been used")
                .detail("This age check is already complete, and an attestation can be used only once. "
                        + "Start a new age check if you need another.")
                .notEchoing(attestation).assertOn(replayed);
        assertEquals("VERIFIED", column(id, "status"));
        assertEquals(List.of("AGE_CHECK_STARTED", "AGE_CHECK_VERIFIED", "AGE_CHECK_REFUSED"), auditActions(id));

        JsonObject another = start();
        assertRefused(another, attestation, 422, "attestation-nonce-mismatch",
                "The attestation belongs to another age check", NONCE_MISMATCH);
    }

    @Test
    void over18IsToldKindlyWhereAdultsCanGetHelp() throws SQLException {
        JsonObject check = start();
        String attestation = AgeProvider.attestation(check.getString("nonce")).adult().sign();

        Reply reply = assertRefused(check, attestation, 422, "over-18", "This service is for people under 18",
                "The age check says you are 18 or over, and this service can only help people under 18. "
                        + "You can still get help: StopNCII.org helps adults stop intimate images of themselves "
                        + "being shared on the platforms that work with it, and the images never leave your device. "
                        + "In the UK, the Revenge Porn Helpline (revengepornhelpline.org.uk) gives adults free, "
                        + "confidential advice. If you are under 18, you can choose your age band yourself instead.");

        String detail = reply.json().getString("detail");
        assertTrue(detail.contains("StopNCII.org"), detail);
        assertTrue(detail.contains("18 or over"), detail);
        // The refusal changed nothing: a right attestation for the same check still works.
        assertEquals(200, attest(check.getString("id"),
                AgeProvider.attestation(check.getString("nonce")).sign()).status());
    }

    @Test
    void attestationWithoutTheResultOrMethodIsIncomplete() throws SQLException {
        JsonObject check = start();

        assertRefused(check, AgeProvider.attestation(check.getString("nonce")).claim("age_under", null).sign(),
                422, "attestation-incomplete", "The attestation does not say what the service needs",
                "The attestation does not say whether you are under 18. Do the age check again, or choose your"
                        + " age band yourself instead.");
        assertRefused(check, AgeProvider.attestation(check.getString("nonce")).claim("method", "guess").sign(),
                422, "attestation-incomplete", "The attestation does not say what the service needs",
                "The attestation does not say how your age was checked. Do the age check again, or choose your"
                        + " age band yourself instead.");
    }

    @Test
    void expiredAgeCheckRefusesEvenAGoodAttestation() throws SQLException {
        JsonObject check = start();
        String id = check.getString("id");
        expire(id);

        assertRefused(check, AgeProvider.attestation(check.getString("nonce")).sign(), 404, "age-check-expired",
                "This age check has expired",
                "This age check has expired. Start a new one and finish it within the time it gives you.");
    }

    @Test
    void unknownAgeCheckIsNotFound() {
        String attestation = AgeProvider.attestation("no-such-nonce-at-all").sign();

        ProblemAssert.Expected unknown = notFound()
                .detail("There is no age check with this id. Start a new one.").notEchoing(attestation);
        unknown.assertOn(attest(UUID.randomUUID().toString(), attestation));
        unknown.assertOn(attest("not-an-id", attestation));
    }

    @Test
    void malformedAttestationAndBodiesAreBadRequests() throws Exception {
        JsonObject check = start();
        String id = check.getString("id");
        String path = AGE_CHECKS + "/" + id + "/attestation";

        malformedAttestation().notEchoing("not.a-signed.token-at-all").assertOn(attest(id, "not.a-signed.token-at-all"));
        String unsigned = "eyJhbGciOiJub25lIn0." + SignedJWT.parse(AgeProvider.attestation(check.getString("nonce"))
                .sign()).getPayload().toBase64URL() + ".";
        malformedAttestation().notEchoing(unsigned).assertOn(attest(id, unsigned));
        String whole = object("attestation", "eyJhbGciOiJFUzI1NiJ9.secret-payload-zebra").toString();
        String unfinished = whole.substring(0, whole.length() - 1);
        malformedJson().detail("The request body is not well-formed JSON, or not the JSON object this endpoint"
                + " expects.").notEchoing("secret-payload-zebra").assertOn(api.post(path, JSON, unfinished));
        Reply missing = api.postJson(path, object("ageBand", "13_15"));
        invalidFieldsNamed("attestation").assertOn(missing);
        Reply badBand = api.postJson(path, object("attestation", "a.b.c", "ageBand", "twelve-ish"));
        invalidFieldsNamed("ageBand").notEchoing("twelve-ish").assertOn(badBand);
        assertEquals("PENDING", column(id, "status"));
    }

    @Test
    void databaseKeepsNoAttestationNonceOrBirthDate() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (boolean rsa : new boolean[]{false, true}) {
            JsonObject check = start();
            AgeProvider.Attestation made = AgeProvider.attestation(check.getString("nonce"));
            String attestation = (rsa ? made.signedWithRsa() : made).sign();
            assertEquals(200, attest(check.getString("id"), attestation).status());
            SignedJWT jwt = SignedJWT.parse(attestation);
            secrets.add(attestation);
            secrets.add(jwt.getHeader().toBase64URL().toString());
            secrets.add(jwt.getPayload().toBase64URL().toString());
            secrets.add(jwt.getSignature().toString());
            secrets.add(check.getString("nonce"));
            secrets.add(jwt.getJWTClaimsSet().getJWTID());
            secrets.add(jwt.getJWTClaimsSet().getStringClaim("birthdate"));
            secrets.add(jwt.getJWTClaimsSet().getIssuer());
        }

        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection();
             ResultSet columns = connection.createStatement().executeQuery(
                     "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
                             + " AND data_type IN ('character varying', 'character', 'text')")) {
            while (columns.next()) {
                String table = columns.getString(1);
                String column = columns.getString(2);
                try (ResultSet values = connection.createStatement().executeQuery(
                        "SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \"" + column + "\" IS NOT NULL")) {
                    while (values.next()) {
                        String value = values.getString(1);
                        for (String secret : secrets) {
                            if (value.contains(secret)) {
                                found.add(table + "." + column);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "columns holding part of an attestation, a nonce or a birth date");
    }

    @Test
    void openApiDescribesTheAgeCheckWithExamples() {
        Reply openapi = api.get("/openapi", "Accept", JSON);

        assertEquals(200, openapi.status(), openapi.body());
        JsonObject paths = openapi.json().getJsonObject("paths");
        assertTrue(paths.containsKey(AGE_CHECKS), paths.keySet().toString());
        assertTrue(paths.containsKey(AGE_CHECKS + "/{id}/attestation"), paths.keySet().toString());
        assertTrue(openapi.body().contains("urn:reportremove:problem:over-18"), "the over-18 example is published");
    }

    @Test
    void developmentProviderDoesNotExistOutsideDevelopment() {
        notFound().detail("There is nothing at this address.").assertOn(api.get("/api/v1/dev/age-provider/jwks.json"));
        notFound().detail("There is nothing at this address.").notEchoing("some-nonce-value")
                .assertOn(api.postJson("/api/v1/dev/age-provider/attestations",
                        object("nonce", "some-nonce-value", "age", 15, "method", "document")));
    }

    private JsonObject start() {
        Reply reply = api.postJson(AGE_CHECKS, object());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private Reply attest(String id, String attestation) {
        return api.postJson(AGE_CHECKS + "/" + id + "/attestation", object("attestation", attestation));
    }

    /**
     * Refused as a whole problem with this detail, repeating neither the attestation nor
     * the nonce; the age check is unchanged, and the refusal is in the audit trail.
     */
    private Reply assertRefused(JsonObject check, String attestation, int status, String type, String title,
                                String detail) throws SQLException {
        String id = check.getString("id");
        String statusBefore = column(id, "status");
        int refusalsBefore = (int) auditActions(id).stream().filter("AGE_CHECK_REFUSED"::equals).count();

        Reply reply = attest(id, attestation);

        problem(status, type, title).detail(detail).notEchoing(attestation, check.getString("nonce")).assertOn(reply);
        assertEquals(statusBefore, column(id, "status"), "a refused attestation changes nothing");
        assertEquals(refusalsBefore + 1,
                auditActions(id).stream().filter("AGE_CHECK_REFUSED"::equals).count(), "the refusal is audited");
        return reply;
    }

    private static ProblemAssert.Expected malformedAttestation() {
        return problem(400, "attestation-malformed", "The attestation is not a signed token")
                .detail("The attestation must be the compact signed token (JWS) that the age check provider returned.");
    }

    private static String mediaType(Reply reply) {
        String type = reply.contentType();
        return type == null ? null : type.split(";")[0].trim();
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> values = new HashMap<>();
        object.forEach((name, value) -> values.put(name, object.getString(name)));
        return values;
    }

    private String column(String id, String column) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + column + " FROM age_check WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "age check row");
                return rs.getString(1);
            }
        }
    }

    private List<String> auditActions(String id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT action FROM audit_event WHERE object_type = 'AGE_CHECK' AND object_id = ? ORDER BY id")) {
            select.setString(1, id);
            List<String> actions = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            return actions;
        }
    }

    private void expire(String id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE age_check SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            update.setString(1, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
