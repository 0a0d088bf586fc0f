package org.reportremove.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks {@link OneOf} and names the allowed values in its message.
 */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

    private Set<String> allowed;
    private String listed;

    @Override
    public void initialize(OneOf constraint) {
        Enum<?>[] constants = constraint.value().getEnumConstants();
        allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.toUnmodifiableSet());
        listed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || allowed.contains(value)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be one of " + listed).addConstraintViolation();
        return false;
    }
}
