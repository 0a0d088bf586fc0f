package org.reportremove.testing;

import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reportremove.testing.JsonBodies.array;
import static org.reportremove.testing.JsonBodies.object;

/**
 * Young people who open a self-declared account and report a case over HTTP, for tests of what happens to
 * cases afterwards. Every value they type is distinctive, so a test can look for it anywhere.
 */
public final class YoungPeople {

    /** The passphrase every young person here chooses. */
    public static final String PASSPHRASE = "seven purple kettles sing";

    private YoungPeople() {
    }

    /** A young person with an account and a token. */
    public record Person(String accountId, String username, String bearer) {
    }

    /**
     * A case as submitted, with what its owner typed and what only the analysts see.
     *
     * @param itemReferences in item order
     * @param exactTime      the submission time to the second, as ISO 8601 text (UTC)
     */
    public record ReportedCase(String reference, String analystReference, List<String> itemReferences,
                               String notes, List<String> urls, String platformName, String exactTime) {
    }

    public static Person person(Api api, String band) {
        return opened(api, "selfDeclaredAgeBand", band);
    }

    /** A young person whose account an age assurance provider's attestation opened (band 13_15, VERIFIED). */
    public static Person verifiedPerson(Api api) {
        JsonObject check = api.postJson("/api/v1/age-checks", object()).json();
        Reply verified = api.postJson("/api/v1/age-checks/" + check.getString("id") + "/attestation",
                object("attestation", AgeProvider.attestation(check.getString("nonce")).sign()));
        assertEquals(200, verified.status(), verified.body());
        return opened(api, "ageCheckId", check.getString("id"));
    }

    private static Person opened(Api api, String ageField, String ageValue) {
        StringBuilder username = new StringBuilder("yp_");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            username.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        Reply opened = api.postJson("/api/v1/accounts", object("username", username.toString(),
                "passphrase", PASSPHRASE, ageField, ageValue));
        assertEquals(201, opened.status(), opened.body());
        Reply token = api.postForm("/api/v1/auth/token", "grant_type", "password", "username", username.toString(),
                "password", PASSPHRASE);
        assertEquals(200, token.status(), token.body());
        return new Person(opened.json().getString("accountId"), username.toString(),
                "Bearer " + token.json().getString("access_token"));
    }

    /** Reports a case of {@code photos} photos with notes, two URLs, a named platform and consent details, in Welsh. */
    public static ReportedCase report(Api api, DataSource database, Person person, int photos) {
        return report(api, database, person, photos, "cy");
    }

    /** The same, in the given language ({@code en} or {@code cy}). */
    public static ReportedCase report(Api api, DataSource database, Person person, int photos, String language) {
        String notes = "Notes for my counsellor only " + UUID.randomUUID();
        List<String> urls = List.of("https://example.com/shared/" + UUID.randomUUID(),
                "http://example.org/thread?id=" + UUID.randomUUID());
        String platformName = "group_" + UUID.randomUUID().toString().substring(0, 13);
        List<JsonObject> items = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            items.add(object("contentType", "PHOTO", "signals", array(
                    object("type", "SHA256", "value", hex(64)),
                    object("type", "PDQ", "value", hex(64), "quality", 90))));
        }
        JsonObject body = object(
                "items", JsonBodies.arrayOf(items),
                "locations", array(
                        object("kind", "URL", "url", urls.get(0)),
                        object("kind", "URL", "url", urls.get(1)),
                        object("kind", "PLATFORM", "platform", "DISCORD", "name", platformName)),
                "concerns", array("KNOWS_WHO"),
                "notes", notes,
                "consent", object("followUp", true, "contactBy", "CHAT"),
                "language", language);
        Reply reply = api.postJson("/api/v1/cases", body,
                "Authorization", person.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply.body());
        JsonObject answer = reply.json();
        String reference = answer.getString("reference");
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT c.analyst_reference, i.item_reference,"
                     + " c.submitted_at FROM report_case c JOIN case_item i ON i.case_id = c.id"
                     + " WHERE c.case_reference = ? ORDER BY i.item_number")) {
            select.setString(1, reference);
            String analystReference = null;
            String submittedAt = null;
            List<String> itemReferences = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    analystReference = rows.getString(1);
                    itemReferences.add(rows.getString(2));
                    submittedAt = rows.getObject(3, java.time.OffsetDateTime.class)
                            .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
                }
            }
            return new ReportedCase(reference, analystReference, itemReferences, notes, urls, platformName,
                    submittedAt);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random lower-case hex of {@code length} characters. */
    public static String hex(int length) {
        try {
            StringBuilder out = new StringBuilder();
            while (out.length() < length) {
                out.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))));
            }
            return out.substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
