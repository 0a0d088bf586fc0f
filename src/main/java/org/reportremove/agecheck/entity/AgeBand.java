package org.reportremove.agecheck.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * A young person's age band. The API uses the labels {@code UNDER_13}, {@code 13_15} and {@code 16_17}.
 */
public enum AgeBand {
    UNDER_13("UNDER_13"),
    AGE_13_15("13_15"),
    AGE_16_17("16_17");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    /** The label used in the API and in packages for the analysts. */
    public String label() {
        return label;
    }

    public static Optional<AgeBand> fromLabel(String label) {
        return Arrays.stream(values()).filter(band -> band.label.equals(label)).findFirst();
    }

    /** The band of an age in whole years, if under 18. */
    public static Optional<AgeBand> ofAge(int years) {
        if (years < 0 || years >= 18) {
            return Optional.empty();
        }
        return Optional.of(years < 13 ? UNDER_13 : years < 16 ? AGE_13_15 : AGE_16_17);
    }
}
