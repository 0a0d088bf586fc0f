package org.reportremove.platform.validation;

/**
 * One field that is wrong, and what is wrong with it, in words a client developer can act on.
 * The field is a JSON path such as {@code items[2].signals[0].value}; the rejected value is never repeated.
 */
public record FieldError(String field, String message) {
}
