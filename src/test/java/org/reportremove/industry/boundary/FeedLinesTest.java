package org.reportremove.industry.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reportremove.industry.entity.FeedChange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportremove.platform.json.JsonDocuments.JSON;

class FeedLinesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void aSnapshotLineIsTheSameTextAsTheLineOfAPage() throws IOException {
        FeedChange added = new FeedChange(7, "5f0c2e7a-3b1d-4c8e-9a6f-2d4b8e1c7a90", "pdq",
                "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", FeedChange.Kind.ADDED, DAY);
        FeedChange removed = new FeedChange(8, "0b6d1f3e-8c2a-4e5f-b7d9-1a3c5e7f9b20", "sha256",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", FeedChange.Kind.REMOVED,
                DAY.plusDays(1));

        assertEquals(FeedLines.of(added) + "\n" + FeedLines.of(removed) + "\n", written(List.of(added, removed)));
    }

    @Test
    void valuesThatNeedEscapingComeBackUnchangedAsPlainAscii() throws IOException {
        String awkward = "quote \" backslash \\ newline \n tab \t nul \u0000 del \u007f é 漢 \uD83D\uDE00 end";
        FeedChange change = new FeedChange(1, awkward, "pdq\"", awkward + "\\", FeedChange.Kind.ADDED, DAY);

        String text = written(List.of(change));

        assertTrue(text.chars().allMatch(c -> c < 0x7f), "plain ASCII");
        assertEquals(1, text.split("\n", -1).length - 1, "one line");
        JsonObject line = parse(text);
        assertEquals(awkward, line.getString("id"));
        assertEquals("pdq\"", line.getString("signal_type"));
        assertEquals(awkward + "\\", line.getString("signal_value"));
        assertEquals(FeedLines.of(change), line);
    }

    @Test
    void linesThatCrossTheBufferComeOutWhole() throws IOException {
        Random random = new Random(20261201L);
        List<FeedChange> changes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int c = random.nextInt(200); c > 0; c--) {
                value.append((char) random.nextInt(0x3000));
            }
            changes.add(new FeedChange(i, UUID.randomUUID().toString(), "pdq", value.toString(),
                    random.nextBoolean() ? FeedChange.Kind.ADDED : FeedChange.Kind.REMOVED,
                    DAY.plusDays(random.nextInt(3))));
        }

        String[] lines = written(changes).split("\n");

        assertEquals(changes.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(FeedLines.of(changes.get(i)), parse(lines[i]), "line " + i);
        }
    }

    private static String written(List<FeedChange> changes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FeedLines.Writer writer = new FeedLines.Writer(out);
        for (FeedChange change : changes) {
            writer.write(change);
        }
        writer.flush();
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static JsonObject parse(String line) {
        try (var reader = JSON.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
