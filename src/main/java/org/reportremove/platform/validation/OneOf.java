package org.reportremove.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string must be the name of one of the enum's constants. Request records take vocabulary values as strings
 * with this constraint, rather than as enums, so that a wrong value is reported against its field with the
 * allowed values listed (JSON binding of records cannot say which field held an unknown enum value).
 * Null is valid: combine with {@code @NotNull} where the field is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOfValidator.class)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "must be one of {values}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
