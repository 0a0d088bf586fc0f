package org.reportremove.progress.control;

import org.reportremove.cases.entity.Language;

import java.util.Map;
import java.util.ResourceBundle;

/**
 * The words a young person reads about their case, from the {@code Wording} resource bundles: English is the base
 * bundle, so a key missing in another language falls back to English (and never to the server's own locale).
 * Under-13s get the simpler {@code .under13} text where there is one.
 */
public final class Wording {

    public static final String BUNDLE = "org.reportremove.progress.Wording";
    static final String UNDER_13 = ".under13";

    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final boolean under13;

    private Wording(ResourceBundle bundle, boolean under13) {
        this.bundle = bundle;
        this.under13 = under13;
    }

    public static Wording of(Language language, boolean under13) {
        return of(BUNDLE, language, under13);
    }

    static Wording of(String bundle, Language language, boolean under13) {
        return new Wording(ResourceBundle.getBundle(bundle, language.locale(), NO_SERVER_LOCALE), under13);
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    /** The text for {@code key}, its {@code {name}} placeholders filled from {@code values}. */
    public String text(String key, Map<String, ?> values) {
        String text = under13 && bundle.containsKey(key + UNDER_13) ? bundle.getString(key + UNDER_13)
                : bundle.getString(key);
        for (Map.Entry<String, ?> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return text;
    }
}
