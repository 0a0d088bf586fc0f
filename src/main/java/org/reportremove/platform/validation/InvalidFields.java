package org.reportremove.platform.validation;

import org.reportremove.platform.domain.DomainException;

import java.util.List;

/**
 * Values that break a rule, each named by its field (a JSON path such as {@code items[2].signals[0].value}) with
 * what is wrong, never with the value itself.
 */
public class InvalidFields extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidFields(List<FieldError> errors) {
        super(errors.size() == 1 ? "One field is not valid." : errors.size() + " fields are not valid.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidFields of(String field, String message) {
        return new InvalidFields(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
