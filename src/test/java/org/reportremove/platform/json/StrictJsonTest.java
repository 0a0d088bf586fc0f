package org.reportremove.platform.json;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.validation.FieldError;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Signal(String type, String value, Integer quality) {
    }

    record Consent(Boolean followUp, boolean urgent, long count, Colour colour) {
    }

    record Report(List<Signal> signals, Consent consent, String notes) {
    }

    private static JsonValue read(String text) {
        return StrictJson.readDocument(new StringReader(text));
    }

    private static List<FieldError> mismatches(String text) {
        return StrictJson.mismatches(read(text), Report.class);
    }

    @Test
    void aWellTypedDocumentHasNoMismatches() {
        assertEquals(List.of(), mismatches("""
                {"signals": [{"type": "PDQ", "value": "ab", "quality": 90}, {"type": "MD5", "value": "cd"}],
                 "consent": {"followUp": true, "urgent": false, "count": 9007199254740993, "colour": "RED"},
                 "notes": "line one\\nline two\\ttabbed", "unknown": {"anything": [1, "x", null]}}
                """));
    }

    @Test
    void numbersOutOfRangeOrFractionalAreNotWholeNumbers() {
        assertEquals(List.of(new FieldError("signals[0].quality", StrictJson.WRONG_TYPE),
                        new FieldError("signals[1].quality", StrictJson.WRONG_TYPE),
                        new FieldError("signals[2].quality", StrictJson.WRONG_TYPE),
                        new FieldError("signals[3].quality", StrictJson.WRONG_TYPE)),
                mismatches("""
                        {"signals": [{"quality": 1e400}, {"quality": 2147483648}, {"quality": 1.5},
                                     {"quality": "90"}, {"quality": 1E2}, {"quality": -0}]}
                        """));
        assertEquals(List.of(new FieldError("consent.count", StrictJson.WRONG_TYPE)),
                mismatches("{\"consent\": {\"count\": 1.5e300}}"));
    }

    @Test
    void onlyTrueAndFalseAreBooleans() {
        assertEquals(List.of(new FieldError("consent.followUp", StrictJson.WRONG_TYPE),
                        new FieldError("consent.urgent", StrictJson.WRONG_TYPE)),
                mismatches("{\"consent\": {\"followUp\": \"yes\", \"urgent\": 1}}"));
    }

    @Test
    void stringsAndEnumsMustBeStringsAndRecordsObjects() {
        assertEquals(List.of(new FieldError("consent", StrictJson.WRONG_TYPE),
                        new FieldError("notes", StrictJson.WRONG_TYPE),
                        new FieldError("signals[0].value", StrictJson.WRONG_TYPE)),
                mismatches("{\"notes\": 42, \"signals\": [{\"value\": {\"nested\": 1}}], \"consent\": [true]}"));
        assertEquals(List.of(new FieldError("consent.colour", StrictJson.WRONG_TYPE)),
                mismatches("{\"consent\": {\"colour\": 1}}"));
    }

    @Test
    void controlCharactersAreRefusedInKnownFieldsAndAnywhereElse() {
        assertEquals(List.of(new FieldError("signals[0].value", StrictJson.CONTROL_CHARACTER)),
                mismatches("{\"signals\": [{\"value\": \"prod\\u0000otter\"}]}"));
        assertThrows(JsonException.class, () -> mismatches("{\"unknown\": [\"a\\u001bb\"]}"));
        assertThrows(JsonException.class, () -> mismatches("{\"unknown\": {\"a\\u0000\": 1}}"));
    }

    @Test
    void aDocumentOfTheWrongShapeIsNotTheExpectedBody() {
        assertThrows(JsonException.class, () -> mismatches("[{\"notes\": \"x\"}]"));
        assertThrows(JsonException.class, () -> mismatches("\"just a string\""));
    }

    @Test
    void exactlyOneDocumentMayBeSent() {
        assertThrows(JsonException.class, () -> read("{\"notes\": \"x\"} }{garbage"));
        assertThrows(JsonException.class, () -> read("{\"notes\": \"x\"}{\"notes\": \"y\"}"));
        assertThrows(JsonException.class, () -> read("{\"notes\": \"x\"} 1"));
        assertThrows(JsonException.class, () -> read("{\"notes\": \"x\""));
        assertThrows(JsonException.class, () -> read(""));
        assertThrows(JsonException.class, () -> read("   "));
        assertEquals("x", read(" {\"notes\": \"x\"} \r\n\t ").asJsonObject().getString("notes"));
    }

    @Test
    void deepNestingIsRefusedByEveryReaderAndParser() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        JsonException refused = assertThrows(JsonException.class, () -> read(deep));
        assertFalse(refused.getMessage().contains("[["), "the message does not quote the body");
        try (JsonReader reader = JsonDocuments.JSON.createReader(new StringReader(deep))) {
            assertThrows(JsonException.class, reader::readValue);
        }
        String allowed = "[".repeat(JsonDocuments.MAX_DEPTH) + "]".repeat(JsonDocuments.MAX_DEPTH);
        assertTrue(read(allowed) instanceof jakarta.json.JsonArray);
        String tooDeep = "[".repeat(JsonDocuments.MAX_DEPTH + 1) + "]".repeat(JsonDocuments.MAX_DEPTH + 1);
        try (JsonReader reader = JsonDocuments.JSON.createReader(new StringReader(tooDeep))) {
            assertThrows(JsonException.class, reader::readValue);
        }
    }
}
