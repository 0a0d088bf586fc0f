package org.reportremove.platform.problem;

import org.reportremove.platform.validation.FieldError;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns failures to read a request body into problems: too large, not JSON at all, or JSON whose values have
 * the wrong type or are not among the allowed values. Library messages are only mined for the property names
 * and the enum type involved: they also quote what the caller sent, so they are never passed on.
 */
final class BodyFailures {

    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]+)'");
    private static final Pattern ENUM_TYPE = Pattern.compile("No enum constant (org\\.reportremove\\.[A-Za-z0-9_.$]+)\\.");

    private BodyFailures() {
    }

    static boolean isBodyFailure(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof BodyTooLargeException
                || t instanceof JsonException || t instanceof JsonbException);
    }

    static Problem toProblem(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> t instanceof BodyTooLargeException)) {
            return Problem.of(ProblemType.BODY_TOO_LARGE, "The request body is over the size limit.");
        }
        List<String> properties = new ArrayList<>();
        String enumValues = null;
        boolean syntax = false;
        for (Throwable t : chain) {
            if (t instanceof JsonException) {
                syntax = true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher property = PROPERTY.matcher(message);
            while (property.find()) {
                if (properties.isEmpty() || !properties.get(properties.size() - 1).equals(property.group(1))) {
                    properties.add(property.group(1));
                }
            }
            Matcher enumType = ENUM_TYPE.matcher(message);
            if (enumValues == null && enumType.find()) {
                enumValues = allowedValues(enumType.group(1));
            }
        }
        if (properties.isEmpty()) {
            return syntax || enumValues == null
                    ? Problem.of(ProblemType.MALFORMED_JSON,
                    "The request body is not well-formed JSON, or not the JSON object this endpoint expects.")
                    : Problem.invalidFields(List.of(new FieldError("(body)", "must be one of " + enumValues)));
        }
        String field = String.join(".", properties);
        String message = enumValues != null
                ? "must be one of " + enumValues
                : "has the wrong type or format";
        return Problem.invalidFields(List.of(new FieldError(field, message)));
    }

    private static String allowedValues(String enumClassName) {
        try {
            Class<?> type = Class.forName(enumClassName, false, BodyFailures.class.getClassLoader());
            if (!type.isEnum()) {
                return null;
            }
            return Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
            if (t.getCause() == t) {
                break;
            }
        }
        return chain;
    }
}
