package org.reportremove.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import org.reportremove.platform.validation.FieldError;

import java.io.Reader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a request body as JSON without any leniency, before it is bound to a Java type:
 *
 * <ul>
 * <li>the text is exactly one JSON document, nested at most {@link JsonDocuments#MAX_DEPTH} deep, with nothing
 * but whitespace after it;</li>
 * <li>every value has the JSON type its Java property needs: a whole number within range for {@code int},
 * {@code long} and the like (never a fraction, never {@code 1e400}), {@code true} or {@code false} for a
 * boolean, a string for a string or an enum, an array for a list, an object for a record;</li>
 * <li>no string holds a control character other than tab, line feed or carriage return (NUL cannot be stored,
 * and the others have no place in anything a person types).</li>
 * </ul>
 *
 * JSON-B implementations coerce instead ({@code "yes"} becomes {@code false}, {@code 1e400} a number that
 * overflows), so the check is made here, once for every type: members the Java type does not know are left to
 * the binding, which ignores them. Failures name fields by their JSON path and never quote the value.
 */
public final class StrictJson {

    public static final String CONTROL_CHARACTER = "must not contain control characters";
    public static final String WRONG_TYPE = "has the wrong type or format";

    private static final BigDecimal DOUBLE_MAX = BigDecimal.valueOf(Double.MAX_VALUE);
    private static final BigDecimal FLOAT_MAX = BigDecimal.valueOf(Float.MAX_VALUE);
    private static final Map<Class<?>, BigDecimal[]> WHOLE_RANGES = Map.of(
            Byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE), byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            Short.class, range(Short.MIN_VALUE, Short.MAX_VALUE), short.class, range(Short.MIN_VALUE, Short.MAX_VALUE),
            Integer.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            int.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            Long.class, range(Long.MIN_VALUE, Long.MAX_VALUE), long.class, range(Long.MIN_VALUE, Long.MAX_VALUE));

    private StrictJson() {
    }

    /**
     * The one document in {@code text}.
     *
     * @throws JsonException if the text is empty, not JSON, nested too deep, or holds more than one document
     */
    public static JsonValue readDocument(Reader text) {
        try (JsonParser parser = JsonDocuments.JSON.createParser(text)) {
            if (!parser.hasNext()) {
                throw new JsonException("the body is empty");
            }
            parser.next();
            JsonValue document = parser.getValue();
            // Past the document, the parser reports anything but whitespace as an error.
            if (parser.hasNext()) {
                throw new JsonException("the body holds more than one JSON document");
            }
            return document;
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new JsonException("the body is not one JSON document");
        } catch (JsonParsingException e) {
            // The library's message quotes the text around the error: leave it out.
            throw new JsonException("the body is not well-formed JSON");
        }
    }

    /**
     * What is wrong with {@code document} as a value of {@code target}, field by field (empty when it fits).
     *
     * @throws JsonException if the document as a whole is not of the target's shape (an array where an object
     *                       belongs), or a member the target does not know holds a control character
     */
    public static List<FieldError> mismatches(JsonValue document, Type target) {
        List<FieldError> errors = new ArrayList<>();
        new Walk(errors).check(document, target, null);
        return errors.stream().distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
    }

    private static final class Walk {

        private final List<FieldError> errors;

        Walk(List<FieldError> errors) {
            this.errors = errors;
        }

        /** @param path the JSON path of the value, null for the document itself */
        void check(JsonValue value, Type type, String path) {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return;
            }
            Class<?> raw = rawClass(type);
            if (raw == null) {
                unchecked(value, path);
                return;
            }
            if (raw == Optional.class) {
                check(value, typeArgument(type, 0), path);
                return;
            }
            if (!fits(value, raw)) {
                wrong(path, WRONG_TYPE);
                return;
            }
            switch (value.getValueType()) {
                case STRING -> {
                    if (hasControlCharacter(((JsonString) value).getString())) {
                        wrong(path, CONTROL_CHARACTER);
                    }
                }
                case ARRAY -> {
                    Type element = raw.isArray() ? componentType(type) : typeArgument(type, 0);
                    JsonArray array = (JsonArray) value;
                    for (int i = 0; i < array.size(); i++) {
                        check(array.get(i), element, (path == null ? "" : path) + "[" + i + "]");
                    }
                }
                case OBJECT -> checkObject((JsonObject) value, type, raw, path);
                default -> {
                }
            }
        }

        private void checkObject(JsonObject object, Type type, Class<?> raw, String path) {
            if (Map.class.isAssignableFrom(raw) || JsonValue.class.isAssignableFrom(raw)) {
                // Keys are what the caller chose: never part of a path we answer with.
                Type values = Map.class.isAssignableFrom(raw) ? typeArgument(type, 1) : Object.class;
                object.values().forEach(member -> check(member, values, path == null ? "(body)" : path));
                return;
            }
            Map<String, Type> properties = properties(raw);
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                Type propertyType = properties.get(member.getKey());
                if (propertyType == null) {
                    unchecked(member.getValue(), null);
                } else {
                    check(member.getValue(), propertyType,
                            path == null ? member.getKey() : path + "." + member.getKey());
                }
            }
        }

        /** A value whose Java type is not known here: only its strings are looked at. */
        private void unchecked(JsonValue value, String path) {
            switch (value.getValueType()) {
                case STRING -> {
                    if (hasControlCharacter(((JsonString) value).getString())) {
                        if (path == null) {
                            throw new JsonException("a string in the body holds a control character");
                        }
                        wrong(path, CONTROL_CHARACTER);
                    }
                }
                case ARRAY -> value.asJsonArray().forEach(element -> unchecked(element, path));
                case OBJECT -> value.asJsonObject().forEach((key, member) -> {
                    if (hasControlCharacter(key)) {
                        throw new JsonException("a member name in the body holds a control character");
                    }
                    unchecked(member, path);
                });
                default -> {
                }
            }
        }

        private void wrong(String path, String message) {
            if (path == null) {
                throw new JsonException("the body is not the JSON value this endpoint expects");
            }
            errors.add(new FieldError(path, message));
        }
    }

    private static boolean fits(JsonValue value, Class<?> raw) {
        JsonValue.ValueType kind = value.getValueType();
        if (JsonValue.class.isAssignableFrom(raw)) {
            return raw == JsonValue.class
                    || (raw == JsonObject.class && kind == JsonValue.ValueType.OBJECT)
                    || (raw == JsonArray.class && kind == JsonValue.ValueType.ARRAY)
                    || (raw == JsonString.class && kind == JsonValue.ValueType.STRING)
                    || (raw == JsonNumber.class && kind == JsonValue.ValueType.NUMBER)
                    || (raw != JsonObject.class && raw != JsonArray.class && raw != JsonString.class
                    && raw != JsonNumber.class);
        }
        if (raw == Object.class) {
            return true;
        }
        if (raw == String.class || raw == Character.class || raw == char.class || raw.isEnum()) {
            return kind == JsonValue.ValueType.STRING;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE;
        }
        if (WHOLE_RANGES.containsKey(raw) || raw == BigInteger.class) {
            return kind == JsonValue.ValueType.NUMBER && isWholeWithin(((JsonNumber) value).bigDecimalValue(),
                    WHOLE_RANGES.get(raw));
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            BigDecimal max = raw == Double.class || raw == double.class ? DOUBLE_MAX : FLOAT_MAX;
            return kind == JsonValue.ValueType.NUMBER && ((JsonNumber) value).bigDecimalValue().abs().compareTo(max) <= 0;
        }
        if (raw == BigDecimal.class || raw == Number.class) {
            return kind == JsonValue.ValueType.NUMBER;
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return kind == JsonValue.ValueType.ARRAY;
        }
        if (raw.isRecord() || Map.class.isAssignableFrom(raw) || isOurs(raw)) {
            return kind == JsonValue.ValueType.OBJECT;
        }
        // Dates, UUIDs and other library types bind from strings by their own rules: left to the binding.
        return true;
    }

    private static boolean isWholeWithin(BigDecimal number, BigDecimal[] range) {
        // The range first: it is cheap even for 1e400, and keeps huge exponents away from the scale arithmetic.
        if (range != null && (number.compareTo(range[0]) < 0 || number.compareTo(range[1]) > 0)) {
            return false;
        }
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    /** Whether {@code text} holds a control character other than tab, line feed or carriage return. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The JSON names of a record's components or a class's fields, and their types. */
    private static Map<String, Type> properties(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Field field = declaredField(type, component.getName());
                if (!bindsItself(component, component.getAccessor(), field)) {
                    properties.put(jsonName(component.getName(), component, component.getAccessor(), field),
                            component.getGenericType());
                }
            }
            return properties;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || bindsItself(field)) {
                    continue;
                }
                properties.putIfAbsent(jsonName(field.getName(), field), field.getGenericType());
            }
        }
        return properties;
    }

    /** Properties with their own deserializer, adapter, or none at all are the binding's business. */
    private static boolean bindsItself(AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            if (element != null && (element.isAnnotationPresent(JsonbTypeDeserializer.class)
                    || element.isAnnotationPresent(JsonbTypeAdapter.class)
                    || element.isAnnotationPresent(JsonbTransient.class))) {
                return true;
            }
        }
        return false;
    }

    private static String jsonName(String javaName, AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            JsonbProperty property = element == null ? null : element.getAnnotation(JsonbProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        }
        return javaName;
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean isOurs(Class<?> raw) {
        return raw.getName().startsWith("org.reportremove.");
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        return type instanceof Class<?> c && c.getComponentType() != null ? c.getComponentType() : Object.class;
    }

    private static BigDecimal[] range(long min, long max) {
        return new BigDecimal[]{BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
    }
}
