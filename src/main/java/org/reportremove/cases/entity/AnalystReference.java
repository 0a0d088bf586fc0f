package org.reportremove.cases.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The analyst side's reference for a case ({@code AR-} and 80 random bits). Generated independently of the case
 * reference, so neither can be derived from the other; the young person never sees it.
 */
public record AnalystReference(String value) {

    private static final Pattern FORM = Pattern.compile("AR(-[" + References.ALPHABET_CLASS + "]{4}){4}");

    public AnalystReference {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an analyst reference");
        }
    }

    public static AnalystReference generate() {
        return new AnalystReference(References.random("AR", 4));
    }

    /** The reference in this text, if it is one. */
    public static Optional<AnalystReference> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new AnalystReference(text))
                : Optional.empty();
    }
}
