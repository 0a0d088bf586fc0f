package org.reportremove.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Request bodies and expected documents built with JSON-P, so that no test escapes quotes by hand:
 * {@code object("consent", object("followUp", false))}. Values may be strings, numbers, booleans, JSON values,
 * collections (as arrays) and maps (as objects); a null value is written as JSON null.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** An object of names and values, alternating. */
    public static JsonObject object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return object.build();
    }

    /** An array of these values. */
    public static JsonArray array(Object... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object value : values) {
            array.add(value(value));
        }
        return array.build();
    }

    /** An array of the values of a collection. */
    public static JsonArray arrayOf(Collection<?> values) {
        return array(values.toArray());
    }

    /** Reads a document written out in a test, usually a text block. */
    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Reads an array written out in a test, usually a text block. */
    public static JsonArray parseArray(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    public static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof String text) {
            return Json.createValue(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Json.createValue(((Number) value).longValue());
        } else if (value instanceof Number number) {
            return Json.createValue(new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Collection<?> collection) {
            return arrayOf(collection);
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((name, inner) -> object.add(String.valueOf(name), value(inner)));
            return object.build();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
