package org.reportremove.helpline.entity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelplineCursorTest {

    private static final String ID = "0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44";

    @Test
    void aCursorComesBackAsItWasGiven() {
        HelplineCursor cursor = new HelplineCursor(2, Instant.parse("2026-11-30T10:15:30.123456Z"), ID);

        assertEquals(Optional.of(cursor), HelplineCursor.parse(cursor.encoded()));
    }

    @Test
    void anythingElseIsNoCursor() {
        for (String text : new String[]{"0|not-a-time|" + ID, "0|2026-11-30T10:15:30Z|x",
                "42|2026-11-30T10:15:30Z|" + ID, "0|2026-11-30T10:15:30Z", "0|+300000-01-01T00:00:00Z|" + ID,
                "0|-5000-01-01T00:00:00Z|" + ID, "0|1999-12-31T23:59:59Z|" + ID}) {
            assertEquals(Optional.empty(), HelplineCursor.parse(encode(text)), text);
        }
        assertEquals(Optional.empty(), HelplineCursor.parse("%%%"));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
