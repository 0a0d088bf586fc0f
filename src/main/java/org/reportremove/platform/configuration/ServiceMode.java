package org.reportremove.platform.configuration;

import java.util.Locale;

/**
 * How the service runs. {@code DEVELOPMENT} (the default) uses embedded, generated and simulated parts so that
 * it runs with nothing installed; {@code PRODUCTION} refuses to start with any of them.
 */
public enum ServiceMode {
    DEVELOPMENT,
    PRODUCTION;

    public static ServiceMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("reportremove.mode must be development or production");
        }
    }
}
