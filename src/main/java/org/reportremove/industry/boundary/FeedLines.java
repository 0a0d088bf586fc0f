package org.reportremove.industry.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.reportremove.industry.entity.FeedChange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * One signal of the feed as a platform reads it, the same in a snapshot line and in a page of changes: {@code id},
 * {@code signal_type}, {@code signal_value}, {@code change} ({@code added} or {@code removed}) and {@code day}.
 */
final class FeedLines {

    private FeedLines() {
    }

    static JsonObject of(FeedChange change) {
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("id", change.id())
                .add("signal_type", change.signalType())
                .add("signal_value", change.signalValue())
                .add("change", change.kind().name().toLowerCase(Locale.ROOT))
                .add("day", change.day().toString());
        return line.build();
    }

    /**
     * The same lines written by hand straight to the response, for snapshots of millions: a JSON-P object and its
     * text per line cost more than reading the row. Values are escaped as JSON strings (quote, backslash, control
     * characters, and anything outside ASCII as {@code \\uXXXX}, which JSON allows), so the body is plain ASCII
     * and needs no character encoder.
     */
    static final class Writer {

        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ID = ascii("{\"id\":\"");
        private static final byte[] TYPE = ascii("\",\"signal_type\":\"");
        private static final byte[] VALUE = ascii("\",\"signal_value\":\"");
        private static final byte[] ADDED = ascii("\",\"change\":\"added\",\"day\":\"");
        private static final byte[] REMOVED = ascii("\",\"change\":\"removed\",\"day\":\"");
        private static final byte[] END = ascii("\"}\n");

        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        /** A value's characters, copied at once: reading them one by one from the string checks bounds each time. */
        private char[] chars = new char[256];
        private int used;
        private LocalDate lastDay;
        private String lastDayText;

        Writer(OutputStream out) {
            this.out = out;
        }

        void write(FeedChange change) throws IOException {
            raw(ID);
            string(change.id());
            raw(TYPE);
            string(change.signalType());
            raw(VALUE);
            string(change.signalValue());
            raw(change.kind() == FeedChange.Kind.ADDED ? ADDED : REMOVED);
            string(dayText(change.day()));
            raw(END);
        }

        void flush() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
            out.flush();
        }

        /** Days repeat over millions of lines: their text is made once per day, not once per line. */
        private String dayText(LocalDate day) {
            if (!day.equals(lastDay)) {
                lastDay = day;
                lastDayText = day.toString();
            }
            return lastDayText;
        }

        private void raw(byte[] bytes) throws IOException {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        }

        private void string(String value) throws IOException {
            int length = value.length();
            // Six bytes is the longest a character can become (\\uXXXX).
            room(length * 6);
            if (length * 6 > buffer.length) {
                for (int i = 0; i < length; i++) {
                    string(String.valueOf(value.charAt(i)));
                }
                return;
            }
            if (chars.length < length) {
                chars = new char[length];
            }
            value.getChars(0, length, chars, 0);
            char[] from = chars;
            byte[] b = buffer;
            int at = used;
            for (int i = 0; i < length; i++) {
                char c = from[i];
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                } else if (c == '"' || c == '\\') {
                    b[at++] = '\\';
                    b[at++] = (byte) c;
                } else {
                    b[at++] = '\\';
                    b[at++] = 'u';
                    b[at++] = HEX[(c >> 12) & 0xf];
                    b[at++] = HEX[(c >> 8) & 0xf];
                    b[at++] = HEX[(c >> 4) & 0xf];
                    b[at++] = HEX[c & 0xf];
                }
            }
            used = at;
        }

        private void room(int bytes) throws IOException {
            if (used + bytes > buffer.length) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }
}
