package org.reportremove.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Parsson reports a document nested past its limit with a bare {@link RuntimeException}, not the
 * {@link JsonException} that JSON-P promises for bad input; code that catches {@code JsonException} (every reader
 * of request bodies, bundle lines and import lines here) would let it through as an unexpected error. The readers
 * and parsers of {@link JsonDocuments} report it as a {@code JsonException}, like any other malformed document.
 */
final class DepthFailures {

    private DepthFailures() {
    }

    static <T> T translated(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            if (e.getClass() == RuntimeException.class) {
                throw new JsonException("the document is nested too deeply", e);
            }
            throw e;
        }
    }

    static JsonReader reader(JsonReader reader) {
        return new JsonReader() {
            @Override
            public JsonStructure read() {
                return translated(reader::read);
            }

            @Override
            public JsonObject readObject() {
                return translated(reader::readObject);
            }

            @Override
            public JsonArray readArray() {
                return translated(reader::readArray);
            }

            @Override
            public JsonValue readValue() {
                return translated(reader::readValue);
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    static JsonParser parser(JsonParser parser) {
        return new JsonParser() {
            @Override
            public boolean hasNext() {
                return translated(parser::hasNext);
            }

            @Override
            public Event next() {
                return translated(parser::next);
            }

            @Override
            public Event currentEvent() {
                return parser.currentEvent();
            }

            @Override
            public String getString() {
                return parser.getString();
            }

            @Override
            public boolean isIntegralNumber() {
                return parser.isIntegralNumber();
            }

            @Override
            public int getInt() {
                return parser.getInt();
            }

            @Override
            public long getLong() {
                return parser.getLong();
            }

            @Override
            public BigDecimal getBigDecimal() {
                return parser.getBigDecimal();
            }

            @Override
            public JsonLocation getLocation() {
                return parser.getLocation();
            }

            @Override
            public JsonObject getObject() {
                return translated(parser::getObject);
            }

            @Override
            public JsonValue getValue() {
                return translated(parser::getValue);
            }

            @Override
            public JsonArray getArray() {
                return translated(parser::getArray);
            }

            @Override
            public Stream<JsonValue> getArrayStream() {
                return translated(parser::getArrayStream);
            }

            @Override
            public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
                return translated(parser::getObjectStream);
            }

            @Override
            public Stream<JsonValue> getValueStream() {
                return translated(parser::getValueStream);
            }

            @Override
            public void skipArray() {
                translated(() -> {
                    parser.skipArray();
                    return null;
                });
            }

            @Override
            public void skipObject() {
                translated(() -> {
                    parser.skipObject();
                    return null;
                });
            }

            @Override
            public void close() {
                parser.close();
            }
        };
    }
}
