package org.reportremove.platform.web;

import org.reportremove.platform.json.StrictJson;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.validation.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Form fields (the token endpoint's) may not hold control characters other than tab and line breaks, as JSON
 * strings may not ({@link StrictJson}): NUL cannot be stored in PostgreSQL text, and none of them belongs in a
 * username, a passphrase or a token. The field is named when its name is a plain one, never its value.
 */
final class FormFields {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z_]{0,39}");

    private FormFields() {
    }

    /** @throws ProblemException invalid-fields, naming each field that holds a control character */
    static void check(Map<String, String[]> fields) {
        TreeSet<String> wrong = new TreeSet<>();
        for (Map.Entry<String, String[]> field : fields.entrySet()) {
            String name = field.getKey();
            boolean control = name != null && StrictJson.hasControlCharacter(name);
            String[] values = field.getValue() == null ? new String[0] : field.getValue();
            control |= Arrays.stream(values).anyMatch(value -> value != null && StrictJson.hasControlCharacter(value));
            if (control) {
                wrong.add(name != null && PLAIN_NAME.matcher(name).matches() ? name : "(body)");
            }
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalidFields(wrong.stream()
                    .map(name -> new FieldError(name, StrictJson.CONTROL_CHARACTER)).toList());
        }
    }
}
