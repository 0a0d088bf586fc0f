package org.reportremove.platform.problem;

import org.reportremove.platform.validation.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem response to give, raised by a boundary (a resource, or a capability's {@link ProblemMapping}) and by
 * the HTTP edge. Domain code raises its own {@code DomainException}s instead and never knows about HTTP.
 * Details carry ids and rules, never personal data or what the caller sent.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public ProblemException(Problem problem) {
        super(problem.type(), null, false, false);
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
