package org.reportremove.cases.entity;

import java.util.Locale;

/**
 * The language everything written back to the young person about a case is in.
 */
public enum Language {
    EN,
    CY;

    public static Language of(String code) {
        return code == null ? EN : valueOf(code.toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
