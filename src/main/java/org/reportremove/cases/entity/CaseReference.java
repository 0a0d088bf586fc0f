package org.reportremove.cases.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference a young person sees, for example {@code RR-7K3P-9QX2-M4TD}: short enough to read out to a
 * counsellor, and 60 random bits, so one cannot be guessed from another (and another's is a 404 anyway).
 */
public record CaseReference(String value) {

    private static final Pattern FORM = Pattern.compile("RR(-[" + References.ALPHABET_CLASS + "]{4}){3}");

    public CaseReference {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case reference");
        }
    }

    public static CaseReference generate() {
        return new CaseReference(References.random("RR", 3));
    }

    /** The reference written in a path, in either case; empty when it cannot be one. */
    public static Optional<CaseReference> parse(String text) {
        String upper = text == null ? "" : text.toUpperCase(Locale.ROOT);
        return FORM.matcher(upper).matches() ? Optional.of(new CaseReference(upper)) : Optional.empty();
    }
}
