package org.reportremove.inbox.entity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboxCursorTest {

    @Test
    void aCursorComesBackAsItWasGiven() {
        InboxCursor cursor = new InboxCursor(Instant.parse("2026-11-30T10:15:30.123456Z"),
                "0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44");

        assertEquals(Optional.of(cursor), InboxCursor.parse(cursor.encoded()));
    }

    @Test
    void anythingElseIsNoCursor() {
        for (String text : new String[]{"", "%%%", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0zMFQxMDoxNTozMFp8eA",
                "bm90LWEtdGltZXwwYjdlNGE1Mi01ZDBjLTRhOGUtOWE1MS0zZjBkMmMxZTliNDQ"}) {
            assertEquals(Optional.empty(), InboxCursor.parse(text), text);
        }
    }

    @Test
    void aTimeTheServiceNeverWroteIsNoCursor() {
        // PostgreSQL cannot hold the first two: sent on as a query parameter, they failed the request.
        for (String time : new String[]{"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1999-12-31T23:59:59Z"}) {
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString((time
                    + "|0b7e4a52-5d0c-4a8e-9a51-3f0d2c1e9b44").getBytes(StandardCharsets.UTF_8));
            assertEquals(Optional.empty(), InboxCursor.parse(text), time);
        }
    }
}
