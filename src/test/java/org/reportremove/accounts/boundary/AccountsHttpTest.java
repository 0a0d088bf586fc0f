package org.reportremove.accounts.boundary;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.testing.AgeProvider;
import org.reportremove.testing.DeployedServiceTest;
import org.reportremove.testing.ProblemAssert;
import org.reportremove.testing.DatabaseScan;
import org.reportremove.testing.Reply;
import org.reportremove.testing.TestRun;
import org.reportremove.testing.Tokens;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.testing.JsonBodies.object;
import static org.reportremove.testing.ProblemAssert.assertInvalidFields;
import static org.reportremove.testing.ProblemAssert.assertProblem;
import static org.reportremove.testing.ProblemAssert.forbidden;
import static org.reportremove.testing.ProblemAssert.notFound;
import static org.reportremove.testing.ProblemAssert.problem;
import static org.reportremove.testing.ProblemAssert.unauthenticated;

/**
 * Young people's accounts and sign-in against the deployed service and PostgreSQL: opening, the username and
 * passphrase rules, sign-in, refresh token rotation, recovery codes, seeing what we hold, and erasure.
 */
class AccountsHttpTest extends DeployedServiceTest {

    private static final String ACCOUNTS = "/api/v1/accounts";
    private static final String TOKEN = "/api/v1/auth/token";
    private static final String WRONG_SIGN_IN = "The username or passphrase is not right.";
    private static final String REFRESH_REFUSED =
            "The refresh token is not valid any more. Sign in again with your username and passphrase.";

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
    void aVerifiedAgeCheckOpensExactlyOneAccount() throws SQLException {
        JsonObject check = api.postJson("/api/v1/age-checks", object()).json();
        String ageCheckId = check.getString("id");
        Reply verified = api.postJson("/api/v1/age-checks/" + ageCheckId + "/attestation",
                object("attestation", AgeProvider.attestation(check.getString("nonce")).sign()));
        assertEquals(200, verified.status(), verified.body());

        Reply opened = api.postJson(ACCOUNTS, object("username", uniqueUsername(),
                "passphrase", "seven purple kettles sing", "ageCheckId", ageCheckId));

        assertEquals(201, opened.status(), opened.body());
        assertEquals("VERIFIED", opened.json().getString("ageAssurance"));
        assertEquals("13_15", opened.json().getString("ageBand"));

        String secondUsername = uniqueUsername();
        Reply again = api.postJson(ACCOUNTS, object("username", secondUsername,
                "passphrase", "seven purple kettles sing", "ageCheckId", ageCheckId));
        assertProblem(again, 409, "age-check-used", "This age check has already been used",
                "This age check has already been used for an account. Start a new age check.");
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE username_key = ?", secondUsername.toLowerCase()),
                "no second account");
    }

    @Test
    void usernamesThatCouldIdentifySomeoneAreRefused() throws SQLException {
        String email = "sam." + uniqueUsername().substring(3) + "@example.com";
        String spaced = "has space " + uniqueUsername().substring(3, 9);
        List<String> refused = List.of("ab", email, "07700-900-123", spaced);

        assertInvalidFields(open("ab", "seven purple kettles sing", "16_17"),
                "username", "must be 3 to 32 letters, digits, '_' or '-'");
        assertInvalidFields(open(email, "seven purple kettles sing", "16_17"),
                "username", "must not look like an email address: choose a name that does not identify you");
        assertInvalidFields(open("07700-900-123", "seven purple kettles sing", "16_17"),
                "username", "must not look like a phone number: choose a name that does not identify you");
        assertInvalidFields(open(spaced, "seven purple kettles sing", "16_17"),
                "username", "must be 3 to 32 letters, digits, '_' or '-'");

        for (String username : refused) {
            assertEquals(0, count("SELECT COUNT(*) FROM account WHERE username_key = ?", username.toLowerCase()),
                    "nothing is stored for refused input");
        }
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        String username = uniqueUsername();
        assertEquals(201, open(username, "seven purple kettles sing", "16_17").status());

        Reply taken = open(username.toUpperCase(), "another long passphrase", "16_17");

        assertProblem(taken, 409, "conflict", "The request conflicts with the current state",
                "That username is taken. Choose another one (it does not have to mean anything).");
    }

    @Test
    void weakPassphrasesAreRefused() {
        String username = uniqueUsername();
        assertInvalidFields(open(username, "short", "16_17"),
                "passphrase", "must be at least 10 characters: a few ordinary words together work well");
        assertInvalidFields(open(username, "password1234", "16_17"),
                "passphrase", "is one of the most common passwords, which are guessed first: choose another");
        assertInvalidFields(open(username, "i am " + username + " ok", "16_17"),
                "passphrase", "must not contain the username");
    }

    @Test
    void ageMustComeFromACheckOrASelfDeclaredBand() throws SQLException {
        String username = uniqueUsername();
        Reply neither = api.postJson(ACCOUNTS, object("username", username, "passphrase", "seven purple kettles sing"));
        assertInvalidFields(neither,
                "ageCheckId", "give either ageCheckId (after an age check) or selfDeclaredAgeBand (without ID), not both");

        assertInvalidFields(open(username, "seven purple kettles sing", "18_PLUS"),
                "selfDeclaredAgeBand", "must be one of UNDER_13, 13_15, 16_17");

        Reply unknownCheck = api.postJson(ACCOUNTS, object("username", username,
                "passphrase", "seven purple kettles sing", "ageCheckId", UUID.randomUUID().toString()));
        assertInvalidFields(unknownCheck, "ageCheckId", "is not a known age check");
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE username_key = ?", username.toLowerCase()),
                "no account without an age");
    }

    @Test
    void wrongUsernameAndWrongPassphraseGetTheSameAnswer() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");

        Reply wrongPassphrase = signIn(username, "eight purple kettles sing");
        Reply unknownUser = signIn(uniqueUsername(), "seven purple kettles sing");

        invalidGrant().detail(WRONG_SIGN_IN).assertOn(wrongPassphrase);
        invalidGrant().detail(WRONG_SIGN_IN).assertOn(unknownUser);
        assertEquals(wrongPassphrase.body(), unknownUser.body());
    }

    @Test
    void repeatedFailedSignInsAreLimitedPerUsernameAndAddress() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");
        for (int i = 0; i < 5; i++) {
            invalidGrant().detail(WRONG_SIGN_IN).assertOn(signIn(username, "not the passphrase " + i));
        }

        Reply limited = signIn(username, "seven purple kettles sing");

        problem(429, "too-many-attempts", "Too many attempts").detailStartingWith("Too many attempts. Wait ")
                .assertOn(limited);
        assertTrue(limited.json().getString("detail").endsWith(" and try again, or ask a counsellor for help."),
                limited.json().getString("detail"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) > 0);
    }

    @Test
    void wrongPassphrasesFromOneAddressDoNotStopTheOwnerFromAnother() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");
        String stranger = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        String owner = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 8; i++) {
            Reply guess = signInFrom(stranger, username, "not the passphrase " + i);
            assertEquals(i < 5 ? 400 : 429, guess.status(), guess.body());
        }
        assertEquals(429, signInFrom(stranger, username, "seven purple kettles sing").status());

        Reply signedIn = signInFrom(owner, username, "seven purple kettles sing");

        assertEquals(200, signedIn.status(), signedIn.body());
        Reply erased = api.sendJson("DELETE", ACCOUNTS + "/me", object("passphrase", "seven purple kettles sing"),
                "Authorization", "Bearer " + signedIn.json().getString("access_token"), "X-Forwarded-For", stranger);
        assertEquals(204, erased.status(), "erasure with a valid token counts per account: " + erased.body());
    }

    @Test
    void wrongPassphrasesFromAddressesOfOneIpv6NetworkCountAsFromOneAddress() {
        String username = uniqueUsername();
        open(username, "seven purple kettles sing", "16_17");
        java.util.Random random = new java.util.Random();
        String network = "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                + Integer.toHexString(random.nextInt(0x10000)) + ":";
        for (int i = 0; i < 7; i++) {
            // A fresh address of the same /64 for every guess, as a client given the whole network can take.
            Reply guess = signInFrom(network + Integer.toHexString(1 + random.nextInt(0xffff)) + "::" + (i + 1),
                    username, "not the passphrase " + i);
            assertEquals(i < 5 ? 400 : 429, guess.status(), guess.body());
        }

        Reply fromAnotherNetwork = signInFrom("2001:db8:ffff:ffff::1", username, "seven purple kettles sing");

        assertEquals(200, fromAnotherNetwork.status(), fromAnotherNetwork.body());
    }

    @Test
    void concurrentRecoveriesWithOneCodeSpendItOnceAndLogNoStackTrace() throws Exception {
        String username = uniqueUsername();
        Reply opened = open(username, "seven purple kettles sing", "16_17");
        String code = opened.json().getJsonArray("recoveryCodes").getString(0);
        int logStart = TestRun.logs().text().length();
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = object("username", username, "recoveryCode", code,
                    "newPassphrase", "a brand new passphrase " + i).toString();
            String address = "192.0.2." + (i + 1);
            answers.add(pool.submit(() -> {
                start.await();
                return client.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/accounts/recovery"))
                                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(status -> status == 204).count(), "spent once: " + statuses);
        assertTrue(statuses.stream().allMatch(status -> status == 204 || status == 400 || status == 409),
                "the others are refused, never a 500: " + statuses);
        String log = api.logSince(logStart);
        assertFalse(log.lines().anyMatch(line -> line.strip().startsWith("at ")),
                "no stack trace in the log for a race any caller can start");
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
        invalidGrant().detail(REFRESH_REFUSED).assertOn(replayed);

        // The whole family is revoked once a token is reused.
        Reply afterReplay = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", second);
        invalidGrant().detail(REFRESH_REFUSED).assertOn(afterReplay);
    }

    @Test
    void anExpiredRefreshTokenIsRefused() throws SQLException {
        String username = uniqueUsername();
        String accountId = open(username, "seven purple kettles sing", "16_17").json().getString("accountId");
        String refresh = signIn(username, "seven purple kettles sing").json().getString("refresh_token");
        assertEquals(1, execute("UPDATE refresh_token SET expires_at = now() - interval '1 day' WHERE account_id = ?",
                accountId));

        Reply refused = api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", refresh);

        invalidGrant().detail(REFRESH_REFUSED).assertOn(refused);
    }

    @Test
    void aSignInAndARefreshMeetingAPassphraseResetWaitForItAndAreRefused() throws Exception {
        String username = uniqueUsername();
        String accountId = open(username, "seven purple kettles sing", "16_17").json().getString("accountId");
        String refresh = signIn(username, "seven purple kettles sing").json().getString("refresh_token");
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Connection reset = database.getConnection()) {
            reset.setAutoCommit(false);
            // A reset holds the account's row while it sets the new passphrase and ends every session. The
            // passphrase hash is left as it was: the sign-in below checked it just before the reset took effect.
            execute(reset, "SELECT id FROM account WHERE id = ? FOR UPDATE", accountId);
            Future<Reply> refreshing = clients.submit(() -> api.postForm(TOKEN, "grant_type", "refresh_token",
                    "refresh_token", refresh));
            Future<Reply> signingIn = clients.submit(() -> signIn(username, "seven purple kettles sing"));
            awaitRowWaits(2);
            execute(reset, "UPDATE account SET passphrase_changed_at = clock_timestamp() WHERE id = ?", accountId);
            execute(reset, "UPDATE refresh_token SET revoked_at = clock_timestamp() WHERE account_id = ?"
                    + " AND revoked_at IS NULL", accountId);
            reset.commit();

            invalidGrant().detail(REFRESH_REFUSED).assertOn(refreshing.get(10, TimeUnit.SECONDS));
            invalidGrant().detail(WRONG_SIGN_IN).assertOn(signingIn.get(10, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ? AND revoked_at IS NULL",
                accountId), "no session outlives the reset");
    }

    @Test
    void aCaseSubmittedWhileItsAccountIsErasedWaitsAndFindsNoAccount() throws Exception {
        String username = uniqueUsername();
        String accountId = open(username, "seven purple kettles sing", "16_17").json().getString("accountId");
        String bearer = "Bearer " + signIn(username, "seven purple kettles sing").json().getString("access_token");
        String body = "{\"items\": [{\"contentType\": \"PHOTO\", \"signals\": [{\"type\": \"SHA256\", \"value\": \""
                + "ab".repeat(32) + "\"}]}], \"consent\": {\"followUp\": false}}";
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection erasure = database.getConnection()) {
            erasure.setAutoCommit(false);
            // An erasure holds the account's row, erases what hangs from it, and deletes it.
            execute(erasure, "SELECT id FROM account WHERE id = ? FOR UPDATE", accountId);
            Future<Reply> submitting = client.submit(() -> api.post("/api/v1/cases", "application/json", body,
                    "Authorization", bearer, "Idempotency-Key", UUID.randomUUID().toString()));
            awaitRowWaits(1);
            execute(erasure, "DELETE FROM account WHERE id = ?", accountId);
            erasure.commit();

            Reply answer = submitting.get(10, TimeUnit.SECONDS);
            assertEquals(404, answer.status(), answer.body());
        } finally {
            client.shutdownNow();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM report_case WHERE account_id = ?", accountId),
                "no case is left behind by an erasure, unerased and without an owner");
    }

    @Test
    void otherAudiencesCannotReachAYoungPersonsAccount() {
        forbidden().assertOn(api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + Tokens.operator(api)));
        unauthenticated().assertOn(api.get(ACCOUNTS + "/me"));
    }

    @Test
    void aRecoveryCodeSetsANewPassphraseOnceAndSignsOutEverywhere() {
        String username = uniqueUsername();
        String code = open(username, "seven purple kettles sing", "16_17").json().getJsonArray("recoveryCodes").getString(3);
        String refresh = signIn(username, "seven purple kettles sing").json().getString("refresh_token");

        Reply recovered = recover(username, code.toLowerCase(), "a brand new passphrase here");

        assertEquals(204, recovered.status(), recovered.body());
        assertEquals(200, signIn(username, "a brand new passphrase here").status());
        invalidGrant().detail(WRONG_SIGN_IN).assertOn(signIn(username, "seven purple kettles sing"));
        invalidGrant().detail(REFRESH_REFUSED)
                .assertOn(api.postForm(TOKEN, "grant_type", "refresh_token", "refresh_token", refresh));
        Reply again = recover(username, code, "yet another passphrase now");
        invalidGrant().detail("The username or recovery code is not right. Each code works once.").assertOn(again);
    }

    @Test
    void accessTokensIssuedBeforeARecoveryAreRefused() throws SQLException, ParseException {
        String username = uniqueUsername();
        JsonObject opened = open(username, "seven purple kettles sing", "13_15").json();
        String code = opened.getJsonArray("recoveryCodes").getString(0);
        String token = signIn(username, "seven purple kettles sing").json().getString("access_token");
        String before = "Bearer " + token;
        assertEquals(200, api.get(ACCOUNTS + "/me", "Authorization", before).status());

        assertEquals(204, recover(username, code, "a brand new passphrase here").status());
        // As a recovery made within the sign-in's own second has it: token issue times are whole seconds, so the
        // time alone cannot tell this sign-in from one made just after the change.
        long issuedAt = SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond();
        // Never later than now: a sign-in checked before the change time is refused, and the one below must not be.
        assertEquals(1, execute("UPDATE account SET passphrase_changed_at = LEAST(to_timestamp(? + 0.999),"
                + " clock_timestamp()) WHERE id = ?", issuedAt, opened.getString("accountId")));

        Reply refused = api.get(ACCOUNTS + "/me", "Authorization", before);
        assertEquals(401, refused.status(), refused.body());
        assertEquals("urn:reportremove:problem:unauthenticated", refused.json().getString("type"));
        assertEquals("This sign-in ended when the passphrase was changed. Sign in again with the new passphrase.",
                refused.json().getString("detail"));
        String after = "Bearer " + signIn(username, "a brand new passphrase here").json().getString("access_token");
        assertEquals(200, api.get(ACCOUNTS + "/me", "Authorization", after).status());
    }

    @Test
    void aTokenWithoutAPassphraseVersionIsJudgedByItsIssueTime() {
        String username = uniqueUsername();
        JsonObject opened = open(username, "seven purple kettles sing", "13_15").json();
        String accountId = opened.getString("accountId");
        String earlier = "Bearer " + Tokens.youngPersonWithoutVersion(accountId, Instant.now().minusSeconds(5));

        assertEquals(204, recover(username, opened.getJsonArray("recoveryCodes").getString(0),
                "a brand new passphrase here").status());

        assertEquals(401, api.get(ACCOUNTS + "/me", "Authorization", earlier).status());
        String later = "Bearer " + Tokens.youngPersonWithoutVersion(accountId, Instant.now());
        assertEquals(200, api.get(ACCOUNTS + "/me", "Authorization", later).status());
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

        assertInvalidFields(forKnown,
                "newPassphrase", "must be at least 10 characters: a few ordinary words together work well");
        assertEquals(forKnown.body(), forUnknown.body(), "the answer must not reveal whether the username exists");
    }

    @Test
    void oneYoungPersonCannotEraseAnother() {
        String alice = uniqueUsername();
        String bob = uniqueUsername();
        open(alice, "alice has a long passphrase", "16_17");
        open(bob, "bob has a long passphrase too", "13_15");
        String aliceToken = signIn(alice, "alice has a long passphrase").json().getString("access_token");

        Reply refused = api.sendJson("DELETE", ACCOUNTS + "/me", object("passphrase", "bob has a long passphrase too"),
                "Authorization", "Bearer " + aliceToken);

        assertInvalidFields(refused, "passphrase", "is not right");
        assertEquals(200, signIn(bob, "bob has a long passphrase too").status());
        Reply me = api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + aliceToken);
        assertEquals(alice, me.json().getString("username"), "a token only ever reaches its own account");
    }

    @Test
    void erasingTheAccountRemovesEverythingPersonal() throws SQLException {
        String username = uniqueUsername();
        String accountId = open(username, "seven purple kettles sing", "UNDER_13").json().getString("accountId");
        String access = signIn(username, "seven purple kettles sing").json().getString("access_token");

        Reply erased = api.sendJson("DELETE", ACCOUNTS + "/me", object("passphrase", "seven purple kettles sing"),
                "Authorization", "Bearer " + access);

        assertEquals(204, erased.status(), erased.body());
        notFound().detail("There is no account for this sign-in any more.")
                .assertOn(api.get(ACCOUNTS + "/me", "Authorization", "Bearer " + access));
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE id = ?", accountId));
        assertEquals(0, count("SELECT COUNT(*) FROM recovery_code WHERE account_id = ?", accountId));
        assertEquals(0, count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ?", accountId));
        assertTrue(count("SELECT COUNT(*) FROM audit_event WHERE actor_id = ?", accountId) >= 3,
                "pseudonymous audit rows remain");
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
        assertInvalidFields(noGrant, "grant_type", "is required");

        Reply unknownGrant = api.postForm(TOKEN, "grant_type", "implicit");
        assertProblem(unknownGrant, 400, "unsupported-grant-type", "This grant type is not supported",
                "Use grant_type password, refresh_token or client_credentials.");

        Reply json = api.postJson(TOKEN, object("username", "json-caller"));
        assertProblem(json, 415, "unsupported-media-type", "The request body must be JSON",
                "Send the body as application/json.");
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
        return api.postJson(ACCOUNTS, object("username", username, "passphrase", passphrase,
                "selfDeclaredAgeBand", band));
    }

    private Reply signIn(String username, String passphrase) {
        return api.postForm(TOKEN, "grant_type", "password", "username", username, "password", passphrase);
    }

    /** A sign-in as if forwarded by the proxy the test server trusts (the loopback address) for a client. */
    private Reply signInFrom(String address, String username, String passphrase) {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(passphrase, StandardCharsets.UTF_8);
        return api.post(TOKEN, "application/x-www-form-urlencoded", form, "X-Forwarded-For", address);
    }

    private Reply recover(String username, String code, String newPassphrase) {
        return api.postJson(ACCOUNTS + "/recovery", object("username", username, "recoveryCode", code,
                "newPassphrase", newPassphrase));
    }

    private static ProblemAssert.Expected invalidGrant() {
        return problem(400, "invalid-grant", "The sign-in was not accepted");
    }

    private static String uniqueUsername() {
        // Letters only: seven digits in a row would look like a phone number.
        StringBuilder name = new StringBuilder("yp_");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }
}
