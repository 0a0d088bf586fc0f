package org.reportremove.signals.entity;

import java.util.Objects;

/**
 * One hash of an item: its type, its value in lower-case hex and, for a perceptual type, its quality (0 to 100).
 * Construction validates everything through the type, and no message repeats the value.
 */
public record Signal(SignalType type, String value, Integer quality) {

    public Signal {
        Objects.requireNonNull(type, "type");
        value = type.normalise(value);
        if (type.carriesQuality()) {
            if (quality == null) {
                throw new InvalidQualityException("is required for a " + type.name()
                        + " signal: a number from 0 to 100");
            }
            if (quality < 0 || quality > 100) {
                throw new InvalidQualityException("must be from 0 to 100");
            }
        } else if (quality != null) {
            throw new InvalidQualityException("is only given for " + perceptualNames() + " signals");
        }
    }

    public static Signal exact(SignalType type, String value) {
        return new Signal(type, value, null);
    }

    public static Signal pdq(String value, int quality) {
        return new Signal(SignalType.PDQ, value, quality);
    }

    /** Whether this signal may be matched on: exact ones always, perceptual ones at a reliable quality. */
    public boolean reliable() {
        return type.reliable(quality);
    }

    /** Whether this is a perceptual signal too weak to match on. */
    public boolean weak() {
        return !type.exact() && !reliable();
    }

    /** Whether a stored value of the same type matches this signal. */
    public boolean matches(String otherValue) {
        return type.matches(value, otherValue);
    }

    private static String perceptualNames() {
        return String.join(" or ", SignalType.all().stream().filter(t -> !t.exact()).map(SignalType::name).toList());
    }

    /** The quality of a signal is what is wrong, not its value: the message is for the quality field. */
    public static final class InvalidQualityException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidQualityException(String message) {
            super(message);
        }
    }
}
