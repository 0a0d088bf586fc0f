package org.reportremove.signals.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class BoundedLinesTest {

    @Test
    void linesEndAsBufferedReaderEndsThem() throws IOException {
        assertEquals(List.of("a", "", "b", "c", "d"), lines(new StringReader("a\n\nb\r\nc\rd"), 8));
        assertEquals(List.of("a"), lines(new StringReader("a\n"), 8));
        assertEquals(List.of(), lines(new StringReader(""), 8));
    }

    @Test
    void aLineOverTheLimitIsSkippedToItsEndAndTheNextOneIsRead() throws IOException {
        List<String> lines = lines(new StringReader("12345678\n123456789\r\nnext\n" + "x".repeat(100_000)), 8);

        assertEquals(4, lines.size());
        assertEquals("12345678", lines.get(0), "a line at the limit is whole");
        assertSame(BoundedLines.TOO_LONG, lines.get(1));
        assertEquals("next", lines.get(2));
        assertSame(BoundedLines.TOO_LONG, lines.get(3), "also the last one, without a line break");
    }

    @Test
    void aLineBreakSplitAcrossReadsIsOneLineBreak() throws IOException {
        // A reader that gives one character per read, so "\r" and "\n" come in separate reads.
        Reader trickle = new Reader() {
            private final StringReader text = new StringReader("a\r\nb\r\n\r\nc");

            @Override
            public int read(char[] into, int offset, int length) throws IOException {
                return text.read(into, offset, Math.min(1, length));
            }

            @Override
            public void close() {
            }
        };
        assertEquals(List.of("a", "b", "", "c"), lines(trickle, 8));
    }

    private static List<String> lines(Reader text, int limit) throws IOException {
        BoundedLines lines = new BoundedLines(text, limit);
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        return all;
    }
}
