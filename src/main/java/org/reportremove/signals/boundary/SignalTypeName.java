package org.reportremove.signals.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.reportremove.signals.entity.SignalType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string must name a {@link SignalType}; the message lists the names. Null is valid: combine with
 * {@code @NotNull} where the field is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SignalTypeName.Validator.class)
public @interface SignalTypeName {

    String message() default "must name a signal type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name against every known type. */
    class Validator implements ConstraintValidator<SignalTypeName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || SignalType.named(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + SignalType.names())
                    .addConstraintViolation();
            return false;
        }
    }
}
