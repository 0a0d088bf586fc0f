package org.reportremove.helpline.boundary;

import org.reportremove.platform.problem.ProblemException;

/**
 * The rule for the short texts counsellors write (notes, messages): not blank, not too long, no control characters
 * but line breaks. The text itself is never repeated in the answer.
 */
final class ShortText {

    private ShortText() {
    }

    static String check(String field, String text, int most) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField(field, "must hold some text");
        }
        if (text.length() > most) {
            throw ProblemException.invalidField(field, "must be at most " + String.format(java.util.Locale.ROOT, "%,d", most) + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ProblemException.invalidField(field, "must not hold control characters");
        }
        return text.strip();
    }
}
