package org.reportremove.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Mutated requests for every operation the service's OpenAPI document describes: bodies with members missing,
 * extra or of the wrong type, numbers too large for any field, nesting without end, bytes that are not UTF-8,
 * content types the operation does not take, and path parameters with characters no id has. Each request carries
 * a distinct marker in the values it sends, so that a test can look for it in the log. Deterministic for a seed.
 */
final class OpenApiFuzzer {

    /** One request to send. {@code body} is null for none; {@code tracked} are the values that must not be logged. */
    record Mutation(String method, String path, String contentType, byte[] body, String label, List<String> tracked) {

        /**
         * Whether the servlet container answers this request itself, before any filter: an escaped NUL or an escape
         * that is not UTF-8 in the path is its 400 "Invalid URI", without the service's headers (docs/threat-model.md,
         * "answered by Grizzly itself"). Such an answer must still be no 5xx and show nothing.
         */
        boolean answeredByTheRuntime() {
            return label.equals("path %00") || label.equals("path %C3%28");
        }
    }

    private static final List<String> ODD_PATH_VALUES = List.of("%00", "..%2F..%2Fetc", "%E2%80%AE%E2%80%AD",
            "%F0%9F%98%80", "a%20b", "%25zz", "'%22%3C%3E", "-1", "9".repeat(40), "x".repeat(600), "%C3%28",
            "RR-0000-0000-0000", "%0d%0aforged%3D1");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "*/*",
            "application/json; charset=nope", "image/png", "multipart/form-data; boundary=x");

    private final JsonObject document;
    private final Random random;

    OpenApiFuzzer(String openApiJson, long seed) {
        this.document = Json.createReader(new StringReader(openApiJson)).readObject();
        this.random = new Random(seed);
    }

    /** Every operation's mutations, at most {@code perOperation} each, operations that delete last. */
    List<Mutation> mutations(int perOperation) {
        List<Mutation> all = new ArrayList<>();
        List<Mutation> deletions = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                List<Mutation> mutations = forOperation(method, path.getKey(), operation.getValue().asJsonObject());
                java.util.Collections.shuffle(mutations, random);
                (method.equals("DELETE") ? deletions : all).addAll(mutations.subList(0,
                        Math.min(perOperation, mutations.size())));
            }
        }
        all.addAll(deletions);
        return all;
    }

    int operationCount() {
        int count = 0;
        for (JsonValue path : document.getJsonObject("paths").values()) {
            count += (int) path.asJsonObject().keySet().stream()
                    .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m)).count();
        }
        return count;
    }

    private List<Mutation> forOperation(String method, String template, JsonObject operation) {
        List<Mutation> mutations = new ArrayList<>();
        String path = fillPath(template, null);
        for (String odd : ODD_PATH_VALUES) {
            if (template.contains("{")) {
                mutations.add(new Mutation(method, fillPath(template, odd), null, null, "path " + odd, List.of()));
            }
        }
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null || !body.containsKey("content")) {
            mutations.add(new Mutation(method, path, "application/json", bytes("{\"unexpected\": true}"),
                    "a body where none belongs", List.of()));
            return mutations;
        }
        JsonObject content = body.getJsonObject("content");
        String mediaType = content.keySet().iterator().next();
        JsonObject schema = content.getJsonObject(mediaType).getJsonObject("schema");
        if (!mediaType.startsWith("application/json")) {
            // Form, NDJSON or JWS bodies: wrong types and garbage in the shape they take.
            String marker = marker();
            mutations.add(new Mutation(method, path, mediaType, bytes(marker + "=\u0000" + marker), "garbage", List.of(marker)));
            mutations.add(new Mutation(method, path, mediaType, new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, 0x0A},
                    "bad UTF-8", List.of()));
            mutations.add(new Mutation(method, path, mediaType, bytes("{\"x\": " + "[".repeat(3000) + "]".repeat(3000)
                    + "}\n"), "deep nesting", List.of()));
            for (String wrong : WRONG_CONTENT_TYPES) {
                mutations.add(new Mutation(method, path, wrong, bytes("{}"), "content type " + wrong, List.of()));
            }
            mutations.add(new Mutation(method, path, null, bytes("{}"), "no content type", List.of()));
            return mutations;
        }
        JsonValue valid = example(schema, 0);
        mutations.add(json(method, path, JsonValue.EMPTY_JSON_OBJECT, "empty object"));
        mutations.add(json(method, path, Json.createArrayBuilder().add(valid).build(), "array of the body"));
        mutations.add(json(method, path, JsonValue.NULL, "null"));
        mutations.add(json(method, path, Json.createValue(marker()), "a bare string"));
        mutations.add(raw(method, path, "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "deep nesting"));
        mutations.add(raw(method, path, valid + " }{" + marker(), "trailing garbage"));
        mutations.add(new Mutation(method, path, "application/json",
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, (byte) 0xFE, '"', '}'}, "bad UTF-8", List.of()));
        for (String wrong : WRONG_CONTENT_TYPES) {
            mutations.add(new Mutation(method, path, wrong, bytes(valid.toString()), "content type " + wrong,
                    List.of()));
        }
        mutations.add(new Mutation(method, path, null, bytes(valid.toString()), "no content type", List.of()));
        if (valid instanceof JsonObject object) {
            for (List<String> member : members(object, new ArrayList<>())) {
                mutations.add(json(method, path, replace(object, member, null), "missing " + member));
                for (JsonValue wrong : wrongValues(at(object, member))) {
                    mutations.add(json(method, path, replace(object, member, wrong),
                            "wrong " + member + " = " + abbreviate(wrong.toString())));
                }
            }
            mutations.add(json(method, path, Json.createObjectBuilder(object).add("extra" + marker(), marker()).build(),
                    "extra member"));
        }
        return mutations;
    }

    private Mutation json(String method, String path, JsonValue body, String label) {
        List<String> tracked = new ArrayList<>();
        collectMarkers(body, tracked);
        return new Mutation(method, path, "application/json", bytes(body.toString()), label, tracked);
    }

    private Mutation raw(String method, String path, String body, String label) {
        List<String> tracked = new ArrayList<>();
        java.util.regex.Matcher markers = java.util.regex.Pattern.compile("fz[a-z0-9]{10}").matcher(body);
        while (markers.find()) {
            tracked.add(markers.group());
        }
        return new Mutation(method, path, "application/json", bytes(body), label, tracked);
    }

    private List<JsonValue> wrongValues(JsonValue current) {
        List<JsonValue> wrong = new ArrayList<>();
        wrong.add(Json.createValue(marker()));
        wrong.add(Json.createReader(new StringReader("[1e400]")).readArray().get(0));
        wrong.add(Json.createValue(new java.math.BigInteger("9".repeat(60))));
        wrong.add(Json.createValue(-1.5));
        wrong.add(JsonValue.TRUE);
        wrong.add(JsonValue.NULL);
        wrong.add(Json.createArrayBuilder().add(marker()).build());
        wrong.add(Json.createObjectBuilder().add("k", marker()).build());
        wrong.add(Json.createValue(marker() + "\u0000\n" + "\u202e".repeat(3)));
        wrong.add(Json.createValue("x".repeat(70_000)));
        wrong.removeIf(value -> value.equals(current));
        return wrong;
    }

    /** A value of the schema's shape, with a fresh marker in every string that is not from a list. */
    private JsonValue example(JsonObject schema, int depth) {
        if (schema == null || depth > 6) {
            return Json.createValue(marker());
        }
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").replaceAll(".*/", "");
            return example(document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name), depth + 1);
        }
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0);
        }
        if (schema.containsKey("example") && !(schema.get("example") instanceof JsonString)) {
            return schema.get("example");
        }
        String type = schema.containsKey("type") && schema.get("type") instanceof JsonString text ? text.getString()
                : schema.containsKey("properties") ? "object" : "string";
        return switch (type) {
            case "object" -> {
                var object = Json.createObjectBuilder();
                JsonObject properties = schema.getJsonObject("properties");
                if (properties != null) {
                    properties.forEach((name, property) -> object.add(name, example(property.asJsonObject(), depth + 1)));
                }
                yield object.build();
            }
            case "array" -> Json.createArrayBuilder().add(example(schema.getJsonObject("items"), depth + 1)).build();
            case "integer" -> Json.createValue(1);
            case "number" -> Json.createValue(1.5);
            case "boolean" -> JsonValue.TRUE;
            default -> Json.createValue(marker());
        };
    }

    private static List<List<String>> members(JsonObject object, List<String> prefix) {
        List<List<String>> members = new ArrayList<>();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(member.getKey());
            members.add(path);
            JsonValue value = member.getValue();
            if (value instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject first) {
                path = new ArrayList<>(path);
                path.add("0");
                members.addAll(members(first, path));
            } else if (value instanceof JsonObject nested) {
                members.addAll(members(nested, path));
            }
        }
        return members;
    }

    private static JsonValue at(JsonValue value, List<String> path) {
        for (String step : path) {
            value = value instanceof JsonArray array ? array.get(Integer.parseInt(step)) : value.asJsonObject().get(step);
        }
        return value;
    }

    /** The value with the member at {@code path} replaced, or removed when {@code replacement} is null. */
    private static JsonValue replace(JsonValue value, List<String> path, JsonValue replacement) {
        String step = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if (value instanceof JsonArray array) {
            var copy = Json.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                if (i != Integer.parseInt(step)) {
                    copy.add(array.get(i));
                } else if (!rest.isEmpty()) {
                    copy.add(replace(array.get(i), rest, replacement));
                } else if (replacement != null) {
                    copy.add(replacement);
                }
            }
            return copy.build();
        }
        var copy = Json.createObjectBuilder(value.asJsonObject());
        if (!rest.isEmpty()) {
            copy.add(step, replace(value.asJsonObject().get(step), rest, replacement));
        } else if (replacement == null) {
            copy.remove(step);
        } else {
            copy.add(step, replacement);
        }
        return copy.build();
    }

    private String fillPath(String template, String odd) {
        Map<String, String> values = new LinkedHashMap<>();
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = odd != null ? odd : values.computeIfAbsent(parameter.group(1), name -> "RR-7K3P-9QX2-M4TD");
            parameter.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private static void collectMarkers(JsonValue value, List<String> tracked) {
        if (value instanceof JsonString text) {
            java.util.regex.Matcher markers = java.util.regex.Pattern.compile("fz[a-z0-9]{10}").matcher(text.getString());
            while (markers.find()) {
                tracked.add(markers.group());
            }
        } else if (value instanceof JsonObject object) {
            object.forEach((name, member) -> {
                collectMarkers(Json.createValue(name), tracked);
                collectMarkers(member, tracked);
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collectMarkers(item, tracked));
        }
    }

    /** A value no log line could hold by chance: "fz" and ten random letters and digits. */
    private String marker() {
        StringBuilder marker = new StringBuilder("fz");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 10; i++) {
            marker.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return marker.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
