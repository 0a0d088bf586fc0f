package org.reportremove.platform.web;

import org.junit.jupiter.api.Test;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.validation.FieldError;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormFieldsTest {

    @Test
    void controlCharactersInAFieldNameTheFieldButNeverTheValue() {
        ProblemException refused = assertThrows(ProblemException.class, () -> FormFields.check(Map.of(
                "grant_type", new String[]{"password"}, "username", new String[]{"prod\u0000otter"},
                "Weird Name\u0001", new String[]{"x"})));

        assertEquals(List.of(new FieldError("(body)", "must not contain control characters"),
                new FieldError("username", "must not contain control characters")), refused.problem().errors());
        assertDoesNotThrow(() -> FormFields.check(Map.of("password", new String[]{"tabs\tand\nlines are fine"})));
    }
}
