package org.reportremove.cases.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An item's reference on the analyst side ({@code AI-} and 80 random bits), as unlinkable as the case's
 * {@link AnalystReference}; the young person never sees it.
 */
public record ItemReference(String value) {

    private static final Pattern FORM = Pattern.compile("AI(-[" + References.ALPHABET_CLASS + "]{4}){4}");

    public ItemReference {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an item reference");
        }
    }

    public static ItemReference generate() {
        return new ItemReference(References.random("AI", 4));
    }

    /** The reference in this text, if it is one. */
    public static Optional<ItemReference> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new ItemReference(text)) : Optional.empty();
    }
}
