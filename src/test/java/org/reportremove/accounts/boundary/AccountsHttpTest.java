package org.reportremove.accounts.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.AgeProvider;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Young people's accounts and sign-in against the deployed service and PostgreSQL: opening, the username and
 * passphrase rules, sign-in, refresh token rotation, recovery codes, seeing what we hold, and erasure.
 */
class AccountsHttpTest extends DeployedServiceTest {

    private static final String ACCOUNTS = "/api/v1/accounts";
    private static final String TOKEN = "/api/v1/auth/token";
    private static final String JSON = "application/json";

    @Test
    void selfDeclaredAccountIsOpenedWithRecoveryCodesAndTellsWhatWeHold() {
        String username = uniqueUsername();
        Reply opened = open(username, "seven purple kettles sing", "13_15");

        assertEquals(201, opened.status(), opened.body());
        JsonObject account = opened.json();
        assertEquals(username, account.getString("username"));
        assertEquals("SELF_DECLARED", account.getString("ageAssurance"));
        assertEquals("13_15", account.getString("ageBand"));
        JsonArray codes = account.getJsonArray("recoveryCodes");
        assertEquals(10, codes.size());
        Set<String> distinct = new HashSet<>();
        codes.forEach(code -> assertTrue(distinct.add(code.toString())));
        assertTrue(codes.getString(0).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), codes.getString(0));

        String access = signIn(username, "seven purple kettles sing").json().getString("access_token");
        Reply me = api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + access);

        assertEquals(200, me.status(), me.body());
        JsonObject held = me.json();
        assertEquals(account.getString("accountId"), held.getString("accountId"));
        assertEquals("SELF_DECLARED", held.getString("ageAssurance"));
        assertEquals(10, held.getInt("recoveryCodesLeft"));
        assertTrue(held.getJsonArray("inPlainWords").toString().contains("We do not have your name"));
    }

    @Test
    void aVerifiedAgeCheckOpensExactlyOneAccount() {
        JsonObject check = api.post("/api/v1/age-checks", JSON, "{}").json();
        String ageCheckId = check.getString("id");
        Reply verified = api.post("/api/v1/age-checks/" + ageCheckId + "/attestation", JSON,
                "{\"attestation\": \"" + AgeProvider.attestation(check.getString("nonce")).sign() + "\"}");
        assertEquals(200, verified.status(), verified.body());

        Reply opened = api.post(ACCOUNTS, JSON, "{\"username\": \"" + uniqueUsername()
                + "\", \"passphrase\": \"seven purple kettles sing\", \"ageCheckId\": \"" + ageCheckId + "\"}");

        assertEquals(201, opened.status(), opened.body());
        assertEquals("VERIFIED", opened.json().getString("ageAssurance"));
        assertEquals("13_15", opened.json().getString("ageBand"));

        Reply again = api.post(ACCOUNTS, JSON, "{\"username\": \"" + uniqueUsername()
                + "\", \"passphrase\": \"seven purple kettles sing\", \"ageCheckId\": \"" + ageCheckId + "\"}");
        assertEquals(409, again.status(), again.body());
        assertEquals("urn:reportremove:problem:age-check-used", again.json().getString("type"));
    }

    @Test
    void usernamesThatCouldIdentifySomeoneAreRefused() throws SQLException {
        long before = count("account");
        assertFieldProblem(open("ab", "seven purple kettles sing", "16_17"), "username", "must be 3 to 32 letters, digits, '_' or '-'");
        assertFieldProblem(open("sam@example.com", "seven purple kettles sing", "16_17"), "username",
                "must not look like an email address: choose a name that does not identify you");
        assertFieldProblem(open("07700-900-123", "seven purple kettles sing", "16_17"), "username",
                "must not look like a phone number: choose a name that does not identify you");
        assertFieldProblem(open("has space", "seven purple kettles sing", "16_17"), "username",
                "must be 3 to 32 letters, digits, '_' or '-'");
        assertEquals(before, count("account"), "nothing is stored for refused input");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        String username = uniqueUsername();
        assertEquals(201, open(username, "seven purple kettles sing", "16_17").status());

        Reply taken = open(username.toUpperCase(), "another long passphrase", "16_17");

        assertEquals(409, taken.status(), taken.body());
        assertEquals("urn:reportremove:problem:conflict", taken.json().getString("type"));
    }

    @Test
    void weakPassphrasesAreRefused() {
        String username = uniqueUsername();
        assertFieldProblem(open(username, "short", "16_17"), "passphrase",
                "must be at least 10 characters: a few ordinary words together work well");
        assertFieldProblem(open(username, "password1234", "16_17"), "passphrase",
                "is one of the most common passwords, which are guessed first: choose another");
        assertFieldProblem(open(username, "i am " + username + " ok", "16_17"), "passphrase",
                "must not contain the username");
    }

    @Test
    void ageMustComeFromACheckOrASelfDeclaredBand() {
        String username = uniqueUsername();
        Reply neither = api.post(ACCOUNTS, JSON, "{\"username\": \"" + username + "\", \"passphrase\": \"seven purple kettles sing\"}");
        assertFieldProblem(neither, "ageCheckId",
                "give either ageCheckId (after an age check) or selfDeclaredAgeBand (without ID), not both");

        assertFieldProblem(open(username, "seven purple kettles sing", "18_PLUS"), "selfDeclaredAgeBand",
                "must be one of UNDER_13, 13_15, 16_17");

        Reply unknownCheck = api.post(ACCOUNTS, JSON, "{\"username\": \"" + username
                + "\", \"passphrase\": \"seven purple kettles sing\", \"ageCheckId\": \"" + UUID.randomUUID() + "\"}");
        assertEquals(400, unknownCheck.status(), unknownCheck.body());
        assertEquals("ageCheckId", unknownCheck.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void wrongUsernameAndWrongPassphraseGetTheSameAnswer() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");

        Reply wrongPassphrase = signIn(username, "eight purple kettles sing");
        Reply unknownUser = signIn(uniqueUsername(), "seven purple kettles sing");

        assertEquals(400, wrongPassphrase.status());
        assertEquals(wrongPassphrase.status(), unknownUser.status());
        assertEquals(wrongPassphrase.body(), unknownUser.body());
        assertEquals("urn:reportremove:problem:invalid-grant", wrongPassphrase.json().getString("type"));
    }

    @Test
    void repeatedFailedSignInsAreLimitedPerUsername() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, signIn(username, "not the passphrase " + i).status());
        }

        Reply limited = signIn(username, "seven purple kettles sing");

        assertEquals(429, limited.status(), limited.body());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) > 0);
        assertEquals("urn:reportremove:problem:too-many-attempts", limited.json().getString("type"));
        assertTrue(limited.json().getString("detail").startsWith("Too many attempts. Wait "));
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheSession() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");
        String first = signIn(username, "seven purple kettles sing").json().getString("refresh_token");

        Reply refreshed = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", first);
        assertEquals(200, refreshed.status(), refreshed.body());
        String second = refreshed.json().getString("refresh_token");
        assertNotEquals(first, second);
        assertEquals(900, refreshed.json().getInt("expires_in"));

        Reply replayed = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", first);
        assertEquals(400, replayed.status());
        assertEquals("urn:reportremove:problem:invalid-grant", replayed.json().getString("type"));

        Reply afterReplay = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", second);
        assertEquals(400, afterReplay.status(), "the whole family is revoked once a token is reused");
    }

    @Test
    void anExpiredRefreshTokenIsRefused() throws SQLException {
        String username = uniqueUsername();
        String accountId = open(username, "seven purple kettles sing", "16_17").json().getString("accountId");
        String refresh = signIn(username, "seven purple kettles sing").json().getString("refresh_token");
        try (Connection connection = database.getConnection();
             PreparedStatement expire = connection.prepareStatement(
                     "UPDATE refresh_token SET expires_at = now() - interval '1 day' WHERE account_id = ?")) {
            expire.setString(1, accountId);
            assertEquals(1, expire.executeUpdate());
        }

        Reply refused = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", refresh);

        assertEquals(400, refused.status(), refused.body());
        assertEquals("urn:reportremove:problem:invalid-grant", refused.json().getString("type"));
    }

    @Test
    void otherAudiencesCannotReachAYoungPersonsAccount() {
        Reply operator = api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + Tokens.operator(api));
        assertEquals(403, operator.status(), operator.body());
        assertEquals("urn:reportremove:problem:forbidden", operator.json().getString("type"));

        Reply anonymous = api.get(ACCOUNTS + "/me");
        assertEquals(401, anonymous.status(), anonymous.body());
    }

    @Test
    void aRecoveryCodeSetsANewPassphraseOnceAndSignsOutEverywhere() {
        String username = uniqueUsername();
        String code = open(username, "seven purple kettles sing", "16_17").json().getJsonArray("recoveryCodes").getString(3);
        String refresh = signIn(username, "seven purple kettles sing").json().getString("refresh_token");

        Reply recovered = recover(username, code.toLowerCase(), "a brand new passphrase here");

        assertEquals(204, recovered.status(), recovered.body());
        assertEquals(200, signIn(username, "a brand new passphrase here").status());
        assertEquals(400, signIn(username, "seven purple kettles sing").status());
        assertEquals(400, api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", refresh).status());
        Reply again = recover(username, code, "yet another passphrase now");
        assertEquals(400, again.status());
        assertEquals("urn:reportremove:problem:invalid-grant", again.json().getString("type"));
    }

    @Test
    void accessTokensIssuedBeforeARecoveryAreRefused() throws InterruptedException {
        String username = uniqueUsername();
        String code = open(username, "seven purple kettles sing", "13_15").json().getJsonArray("recoveryCodes").getString(0);
        String before = "Bearer " + signIn(username, "seven purple kettles sing").json().getString("access_token");
        assertEquals(200, api.get(ACCOUNTS + "/me", "Authorization", before).status());
        // Token issue times are in whole seconds: the change must fall in a later second than the old sign-in.
        Thread.sleep(1100);

        assertEquals(204, recover(username, code, "a brand new passphrase here").status());

        Reply refused = api.get(ACCOUNTS + "/me", "Authorization", before);
        assertEquals(401, refused.status(), refused.body());
        assertEquals("urn:reportremove:problem:unauthenticated", refused.json().getString("type"));
        assertEquals("This sign-in ended when the passphrase was changed. Sign in again with the new passphrase.",
                refused.json().getString("detail"));
        String after = "Bearer " + signIn(username, "a brand new passphrase here").json().getString("access_token");
        assertEquals(200, api.get(ACCOUNTS + "/me", "Authorization", after).status());
    }

    @Test
    void aBadBearerTokenCostsOneLogLineNotAStackTrace() {
        int logBefore = TestRun.logs().text().length();

        Reply refused = api.get(ACCOUNTS + "/me", "Authorization", "Bearer eyJub3QiOiJqc29uIn0.eyJzdWIiOiJ4In0.c2ln");

        assertEquals(401, refused.status(), refused.body());
        api.assertLogHoldsNothingSent();
        String logged = TestRun.logs().text().substring(logBefore);
        assertFalse(logged.contains("Exception trying to parse JWT token"), "the runtime logged a stack trace");
        assertFalse(logged.contains("JWTProcessingException"), "the runtime logged a stack trace");
    }

    @Test
    void recoveryRulesAnswerAlikeForKnownAndUnknownUsernames() {
        String known = uniqueUsername();
        open(known, "seven purple kettles sing", "16_17");

        Reply forKnown = recover(known, "0000-0000-0000-0000", "short");
        Reply forUnknown = recover(uniqueUsername(), "0000-0000-0000-0000", "short");

        assertFieldProblem(forKnown, "newPassphrase",
                "must be at least 10 characters: a few ordinary words together work well");
        assertEquals(forKnown.body(), forUnknown.body(), "the answer must not reveal whether the username exists");
    }

    @Test
    void oneYoungPersonCannotEraseAnother() {
        String alice = uniqueUsername();
        String bob = uniqueUsername();
        open(alice, "alice has a long passphrase", "16_17");
        open(bob, "bob has a long passphrase too", "13_15");
        String aliceToken = signIn(alice, "alice has a long passphrase").json().getString("access_token");

        Reply refused = api.sendJson("DELETE", ACCOUNTS + "/me", "{\"passphrase\": \"bob has a long passphrase too\"}",
                "Authorization", "Bearer " + aliceToken);

        assertEquals(400, refused.status(), refused.body());
        assertEquals("passphrase", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(200, signIn(bob, "bob has a long passphrase too").status());
        Reply me = api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + aliceToken);
        assertEquals(alice, me.json().getString("username"), "a token only ever reaches its own account");
    }

    @Test
    void erasingTheAccountRemovesEverythingPersonal() throws SQLException {
        String username = uniqueUsername();
        String accountId = open(username, "seven purple kettles sing", "UNDER_13").json().getString("accountId");
        String access = signIn(username, "seven purple kettles sing").json().getString("access_token");

        Reply erased = api.sendJson("DELETE", ACCOUNTS + "/me", "{\"passphrase\": \"seven purple kettles sing\"}",
                "Authorization", "Bearer " + access);

        assertEquals(204, erased.status(), erased.body());
        assertEquals(404, api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + access).status());
        assertEquals(0, countWhere("account", "id", accountId));
        assertEquals(0, countWhere("recovery_code", "account_id", accountId));
        assertEquals(0, countWhere("refresh_token", "account_id", accountId));
        assertTrue(countWhere("audit_event", "actor_id", accountId) >= 3, "pseudonymous audit rows remain");
        Reply signIn = signIn(username, "seven purple kettles sing");
        assertEquals(signIn(uniqueUsername(), "seven purple kettles sing").body(), signIn.body(),
                "an erased username answers like one that never existed");
        assertEquals(201, open(username, "a fresh start passphrase", "13_15").status());
    }

    @Test
    void theDatabaseHoldsNoSecretInARecoverableForm() throws SQLException {
        String username = uniqueUsername();
        String passphrase = "zebra lantern " + UUID.randomUUID();
        JsonArray codes = open(username, passphrase, "16_17").json().getJsonArray("recoveryCodes");
        JsonObject tokens = signIn(username, passphrase).json();
        String rotated = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token",
                tokens.getString("refresh_token")).json().getString("refresh_token");
        String newPassphrase = "quartz meadow " + UUID.randomUUID();
        recover(username, codes.getString(0), newPassphrase);

        List<String> secrets = new java.util.ArrayList<>(List.of(passphrase, newPassphrase,
                tokens.getString("refresh_token"), rotated, tokens.getString("access_token")));
        codes.forEach(code -> {
            String text = ((jakarta.json.JsonString) code).getString();
            secrets.add(text);
            secrets.add(text.replace("-", ""));
        });

        assertEquals(List.of(), DatabaseScan.findAnyOf(database, secrets));
    }

    @Test
    void tokenEndpointAnswersBadRequestsWithProblems() {
        Reply noGrant = api.postForm(TOKEN, "username", "someone");
        assertFieldProblem(noGrant, "grant_type", "is required");

        Reply unknownGrant = api.postForm(TOKEN, "grant_type", "implicit");
        assertEquals(400, unknownGrant.status());
        assertEquals("urn:reportremove:problem:unsupported-grant-type", unknownGrant.json().getString("type"));

        Reply json = api.post(TOKEN, JSON, "{\"username\": \"json-caller\"}");
        assertEquals(415, json.status());
    }

    @Test
    void signingKeysArePublishedWithoutTheirPrivateParts() {
        Reply jwks = api.get("/.well-known/jwks.json");

        assertEquals(200, jwks.status());
        JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
        assertEquals("test-service-1", key.getString("kid"));
        assertFalse(key.containsKey("d"), "never the private key");
    }

    private Reply open(String username, String passphrase, String band) {
        return api.post(ACCOUNTS, JSON, "{\"username\": \"" + username + "\", \"passphrase\": \"" + passphrase
                + "\", \"selfDeclaredAgeBand\": \"" + band + "\"}");
    }

    private Reply signIn(String username, String passphrase) {
        return api.postForm(TOKEN, "grant_type", "password", "username", username, "password", passphrase);
    }

    private Reply recover(String username, String code, String newPassphrase) {
        return api.post(ACCOUNTS + "/recovery", JSON, "{\"username\": \"" + username + "\", \"recoveryCode\": \""
                + code + "\", \"newPassphrase\": \"" + newPassphrase + "\"}");
    }

    private static String uniqueUsername() {
        // Letters only: seven digits in a row would look like a phone number.
        StringBuilder name = new StringBuilder("yp_");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }

    private static void assertFieldProblem(Reply reply, String field, String message) {
        assertEquals(400, reply.status(), reply.body());
        JsonObject problem = reply.json();
        assertEquals("urn:reportremove:problem:invalid-fields", problem.getString("type"));
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(message, problem.getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countWhere(String table, String column, String value) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
