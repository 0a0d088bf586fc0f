package org.reportremove.signals.hashing.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Writes items in the shape the case API accepts:
 * {@code [{"contentType":"PHOTO","signals":[{"type":"SHA256","value":"..."}, ...]}]}.
 * File names are left out on purpose: they can say more about a person than the hashes do,
 * and the API does not need them. Written by hand to keep the command free of libraries.
 */
final class JsonItemsWriter {

    private JsonItemsWriter() {
    }

    static void write(List<HashedItem> items, PrintStream out) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            HashedItem item = items.get(i);
            json.append(i == 0 ? "\n  " : ",\n  ");
            json.append("{\"contentType\":").append(quote(item.contentType().name())).append(",\"signals\":[");
            signal(json, "SHA256", item.digests().sha256());
            json.append(',');
            signal(json, "MD5", item.digests().md5());
            if (item.pdq() != null) {
                json.append(',');
                signal(json, "PDQ", item.pdq().hash().toHex());
                json.setLength(json.length() - 1);
                json.append(",\"quality\":").append(item.pdq().quality()).append('}');
            }
            json.append("]}");
        }
        json.append(items.isEmpty() ? "]" : "\n]");
        out.println(json);
    }

    private static void signal(StringBuilder json, String type, String value) {
        json.append("{\"type\":").append(quote(type)).append(",\"value\":").append(quote(value)).append('}');
    }

    /** A JSON string literal, escaping quotes, backslashes and control characters (RFC 8259). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
