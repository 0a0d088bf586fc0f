package org.reportremove.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain failure that the caller should see as a problem response. Messages carry ids and rules,
 * never personal data or what the caller sent.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        super(type.name());
        this.problem = Problem.of(type, detail);
    }

    private ProblemException(Problem problem) {
        super(ProblemType.INVALID_FIELDS.name());
        this.problem = problem;
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalidFields(List.of(new FieldError(field, message))));
    }

    public static ProblemException invalidFields(List<FieldError> errors) {
        return new ProblemException(Problem.invalidFields(errors));
    }

    public Problem problem() {
        return problem;
    }

    /** Adds a response header that belongs with this problem, such as {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
